package io.scenicpass.server.shop.waitlist.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.shop.ShopPages;
import io.scenicpass.server.shop.account.ShopVisitor;
import io.scenicpass.server.shop.waitlist.Party;
import io.scenicpass.server.shop.waitlist.WaitlistLinks;
import io.scenicpass.server.shop.waitlist.WaitlistRefusal;
import io.scenicpass.server.shop.waitlist.WaitlistService;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.PageRefusal;
import io.scenicpass.server.web.Pages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The visitor's waiting list pages (signed in): {@code /shop/waitlist/{slotId}} joins a sold-out slot's list with a
 * party, {@code /shop/waitlist} lists mine, {@code /shop/waitlist/entries/{id}} shows my place or my offer (pay it, or
 * decline), and leaving. Refusals are the typed error of the join form or the error page.
 */
public final class WaitlistPages {
    static final String BUNDLE = "shop-waitlist";

    /** The join page: the slot, the units to count, what was typed, the refusal to show. */
    public record JoinForm(
            String action,
            String productName,
            String slotStart,
            int vacancies,
            List<Unit> units,
            Map<String, String> typed,
            String errorCode) {}

    /** My entries (newest first). */
    public record Mine(List<WaitlistService.Placed> entries) {}

    /** One entry: my place, or my offer with its pay link. */
    public record Entry(WaitlistService.Placed placed, String payLink, String leaveAction, String declineAction) {}

    private final ShopPages pages;
    private final WaitlistService lists;

    public WaitlistPages(ShopPages pages, WaitlistService lists) {
        this.pages = pages;
        this.lists = lists;
    }

    public void register(RoutesConfig r) {
        r.get(WaitlistLinks.MINE, this::mine);
        r.get(WaitlistLinks.MINE + "/entries/{id}", this::entry);
        r.post(WaitlistLinks.MINE + "/entries/{id}/leave", this::leave);
        r.post(WaitlistLinks.MINE + "/entries/{id}/decline", this::decline);
        r.get(WaitlistLinks.MINE + "/{slotId}", this::joinForm);
        r.post(WaitlistLinks.MINE + "/{slotId}", this::join);
    }

    private void mine(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isPresent()) {
            Pages.render(
                    ctx,
                    200,
                    "shop/waitlist/mine.jte",
                    frame(ctx, "waitlist.mine.title"),
                    new Mine(lists.mine(v.get().id())));
        }
    }

    private void joinForm(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        String slotId = ctx.pathParam("slotId");
        Optional<WaitlistService.Placed> on =
                refusing(() -> lists.onList(v.get().id(), slotId));
        if (on.isPresent()) {
            ctx.redirect(WaitlistLinks.entry(on.get().entry().id()), HttpStatus.SEE_OTHER);
            return;
        }
        renderJoin(ctx, 200, slotId, Map.of(), null);
    }

    private void join(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        String slotId = ctx.pathParam("slotId");
        Map<String, String> typed = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, vals) -> {
            if (k.startsWith("unit.") && !vals.isEmpty()) {
                typed.put(k.substring(5), vals.get(0));
            }
        });
        try {
            WaitlistService.Placed p = lists.join(v.get().id(), slotId, typed);
            ctx.redirect(WaitlistLinks.entry(p.entry().id()), HttpStatus.SEE_OTHER);
        } catch (WaitlistRefusal e) {
            renderJoin(ctx, e.code().status(), slotId, typed, e.code().name());
        }
    }

    private void renderJoin(Context ctx, int status, String slotId, Map<String, String> typed, String errorCode) {
        WaitlistService.Joinable j = refusing(() -> lists.slot(slotId));
        Pages.render(
                ctx,
                status,
                "shop/waitlist/join.jte",
                frame(ctx, "waitlist.join.title"),
                new JoinForm(
                        WaitlistLinks.slot(slotId),
                        j.product().product().internalName(),
                        j.slot().localDate() + " " + j.slot().localStart().substring(11, 16),
                        j.vacancies(),
                        j.option().units(),
                        typed,
                        errorCode));
    }

    private void entry(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        long id = entryId(ctx);
        WaitlistService.Placed p = refusing(() -> lists.get(v.get().id(), id));
        String pay = p.entry().bookingUuid() == null
                ? null
                : WaitlistLinks.pay(WaitlistLinks.refOf(p.entry().bookingUuid()));
        Pages.render(
                ctx,
                200,
                "shop/waitlist/entry.jte",
                frame(ctx, "waitlist.entry.title"),
                new Entry(p, pay, WaitlistLinks.entry(id) + "/leave", WaitlistLinks.entry(id) + "/decline"));
    }

    private void leave(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isPresent()) {
            long id = entryId(ctx);
            refusing(() -> {
                lists.leave(v.get().id(), id);
                return null;
            });
            ctx.redirect(WaitlistLinks.MINE, HttpStatus.SEE_OTHER);
        }
    }

    private void decline(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isPresent()) {
            long id = entryId(ctx);
            refusing(() -> {
                lists.decline(v.get().id(), id);
                return null;
            });
            ctx.redirect(WaitlistLinks.entry(id), HttpStatus.SEE_OTHER);
        }
    }

    private PageFrame frame(Context ctx, String titleKey) {
        return pages.frame(ctx, titleKey, BUNDLE);
    }

    private static long entryId(Context ctx) {
        String s = ctx.pathParam("id");
        if (!s.matches("\\d{1,18}")) {
            throw new PageRefusal(404, WaitlistRefusal.Code.WAITLIST_UNKNOWN_ENTRY.name());
        }
        return Long.parseLong(s);
    }

    /** Runs {@code work}; a waiting list refusal becomes the typed error page. */
    private static <T> T refusing(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (WaitlistRefusal e) {
            throw new PageRefusal(e.code().status(), e.code().name());
        }
    }

    /** The party's counts as "2 × Adult, 1 × Child" (unit ids when a unit is not in {@code units}). */
    public static String describe(Party party, List<Unit> units) {
        StringBuilder b = new StringBuilder();
        party.counts().forEach((unitId, n) -> {
            String name = units.stream()
                    .filter(u -> u.id().equals(unitId))
                    .map(Unit::internalName)
                    .findFirst()
                    .orElse(unitId);
            b.append(b.length() == 0 ? "" : ", ").append(n).append(" × ").append(name);
        });
        return b.toString();
    }
}
