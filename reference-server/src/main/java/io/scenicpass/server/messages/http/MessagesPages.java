package io.scenicpass.server.messages.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.messages.MessageChoices;
import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.Way;
import io.scenicpass.server.messages.internal.UnsubscribeTokens;
import io.scenicpass.server.shop.ShopPages;
import io.scenicpass.server.shop.account.Address;
import io.scenicpass.server.shop.account.ShopVisitor;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.Pages;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /shop/messages}: the signed-in visitor turns the optional kinds on or off for the way their account has
 * (email or SMS); transactional kinds are listed as always sent. {@code /shop/unsubscribe/{token}}: signed out too,
 * the link's page asks for one click (a POST: mail scanners that open links do not unsubscribe anybody) and confirms.
 */
public final class MessagesPages {
    private static final String BUNDLE = "shop-messages";

    /** One kind on the choices page: its form name, whether on. */
    public record Choice(MessageKind kind, String field, boolean on) {}

    /** The choices page: the visitor's way, the optional kinds, the always-sent ones, whether just saved. */
    public record ChoicesModel(
            Way way, List<Choice> choices, List<MessageKind> always, boolean saved, Boolean marketing) {}

    /** The visitor hub's marketing consent of a shop account (the page's checkbox; none: no checkbox). */
    public interface Consent {
        boolean of(long shopVisitorId);

        void set(long shopVisitorId, boolean consent);
    }

    private Consent consent;

    /** Shows the marketing-consent checkbox and records it through {@code c} (the visitor hub). */
    public MessagesPages withConsent(Consent c) {
        this.consent = c;
        return this;
    }

    /** The unsubscribe page: the token (the form's target), what it stops, and whether it is done. */
    public record UnsubscribeModel(String token, MessageKind kind, boolean allOptional, boolean done) {}

    private final ShopPages pages;
    private final MessageChoices choices;

    public MessagesPages(ShopPages pages, MessageChoices choices) {
        this.pages = pages;
        this.choices = choices;
    }

    public void register(RoutesConfig r) {
        r.get("/shop/messages", this::choicesPage);
        r.post("/shop/messages", this::save);
        r.get("/shop/unsubscribe/{token}", ctx -> unsubscribe(ctx, false));
        r.post("/shop/unsubscribe/{token}", ctx -> unsubscribe(ctx, true));
    }

    private void choicesPage(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        Way way = way(v.get());
        Map<MessageKind, Map<Way, Boolean>> now = choices.of(v.get().id());
        List<Choice> list = new ArrayList<>();
        for (MessageKind k : MessageChoices.OPTIONAL) {
            list.add(new Choice(k, "kind." + k.name(), now.get(k).get(way)));
        }
        List<MessageKind> always = List.of(MessageKind.values()).stream()
                .filter(MessageKind::transactional)
                .toList();
        PageFrame f = pages.frame(ctx, "messages.title", BUNDLE);
        Pages.render(
                ctx,
                200,
                "shop/messages.jte",
                f,
                new ChoicesModel(
                        way,
                        list,
                        always,
                        "1".equals(ctx.queryParam("saved")),
                        consent == null ? null : consent.of(v.get().id())));
    }

    private void save(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        Set<MessageKind> on = EnumSet.noneOf(MessageKind.class);
        for (MessageKind k : MessageChoices.OPTIONAL) {
            if ("on".equals(ctx.formParam("kind." + k.name()))) {
                on.add(k);
            }
        }
        choices.set(v.get().id(), way(v.get()), on);
        if (consent != null) {
            consent.set(v.get().id(), "on".equals(ctx.formParam("marketing")));
        }
        ctx.redirect("/shop/messages?saved=1", HttpStatus.SEE_OTHER);
    }

    private void unsubscribe(Context ctx, boolean confirm) {
        String token = ctx.pathParam("token");
        PageFrame f = pages.frame(ctx, "unsubscribe.title", BUNDLE);
        Optional<UnsubscribeTokens.Target> target = choices.target(token);
        if (target.isEmpty()) {
            Pages.error(ctx, f, 404, "UNSUBSCRIBE_INVALID", null);
            return;
        }
        if (confirm) {
            choices.unsubscribe(target.get());
        }
        MessageKind kind = target.get().kind();
        Pages.render(
                ctx, 200, "shop/unsubscribe.jte", f, new UnsubscribeModel(token, kind, kind.transactional(), confirm));
    }

    private static Way way(ShopVisitor v) {
        return v.kind() == Address.Kind.EMAIL ? Way.EMAIL : Way.SMS;
    }
}
