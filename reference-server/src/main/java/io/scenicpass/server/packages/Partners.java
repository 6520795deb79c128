package io.scenicpass.server.packages;

import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.packages.store.PackageStore;
import io.scenicpass.server.packages.store.PackageStore.Allotment;
import io.scenicpass.server.packages.store.PackageStore.BookingPart;
import io.scenicpass.server.packages.store.PackageStore.Partner;
import io.scenicpass.server.packages.store.PackageStore.Resource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Package partners (a hotel, a bus company, the cable car), their resources and allotments, their API tokens, and the
 * vouchers they check. The operator loads allotments through the admin API; a partner updates its own through the
 * partner API ({@code /partner/v1}). Setting a day's total is idempotent; it never falls below what is taken.
 */
public final class Partners {
    /** Most days one allotment change or query spans. */
    public static final int MAX_DAYS = 366;

    public static final Set<String> KINDS = Set.of("HOTEL", "BUS", "CABLE_CAR");
    private static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final Database db;
    private final PackageStore store;
    private final Clock clock;
    private final SecureRandom random;

    Partners(Database db, PackageStore store, Clock clock, SecureRandom random) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    public record PartnerInput(String name) {}

    public record ResourceInput(String kind, String name, Long net, String currency, Integer cutoffHours) {}

    /** Days {@code from} to {@code to} (inclusive; null: {@code from} only) get {@code total} places each. */
    public record AllotmentInput(String from, String to, Integer total) {}

    /** A voucher as its partner sees it: {@code state} VALID, USED or VOID (the package was cancelled). */
    public record Voucher(
            String code,
            String partnerId,
            String resourceId,
            String resourceName,
            LocalDate day,
            int places,
            String state,
            java.time.Instant usedAt) {}

    public Partner putPartner(String id, PartnerInput in) {
        id(id, "partner id");
        String name = text("name", in.name(), 200);
        db.tx(c -> {
            store.putPartner(c, id, name, clock.instant());
            return null;
        });
        return partner(id);
    }

    public List<Partner> partners() {
        return db.read(store::partners);
    }

    public Partner partner(String id) {
        return db.read(c -> store.partner(c, id))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such partner", cut(id)));
    }

    /** A new API token for the partner (shown once; only its SHA-256 is kept); the previous one stops working. */
    public String newToken(String partnerId) {
        partner(partnerId);
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = "ptn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        db.tx(c -> store.setToken(c, partnerId, ChannelService.sha256Hex(token)));
        return token;
    }

    /** The partner whose token this is, if any. */
    public Optional<Partner> byToken(String token) {
        if (token == null || !token.startsWith("ptn_") || token.length() > 100) {
            return Optional.empty();
        }
        return db.read(c -> store.partnerByToken(c, ChannelService.sha256Hex(token)));
    }

    public Resource putResource(String partnerId, String id, ResourceInput in) {
        partner(partnerId);
        id(id, "resource id");
        if (in.kind() == null || !KINDS.contains(in.kind())) {
            throw new ServiceException(Problem.BAD_REQUEST, "kind must be one of " + KINDS, cut(in.kind()));
        }
        if (in.net() == null || in.cutoffHours() == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "net and cutoffHours are required", null);
        }
        String currency = in.currency() == null ? "CNY" : in.currency();
        if (!currency.matches("[A-Z]{3}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "currency must be 3 capital letters", cut(currency));
        }
        Resource r = new Resource(
                id,
                partnerId,
                in.kind(),
                text("name", in.name(), 200),
                Bounds.check("net", in.net(), 0, 100_000_000),
                currency,
                (int) Bounds.check("cutoffHours", in.cutoffHours(), 0, 24 * 365));
        db.tx(c -> {
            Optional<Resource> was = store.resource(c, id);
            if (was.isPresent() && !was.get().partnerId().equals(partnerId)) {
                throw new ServiceException(Problem.CONFLICT, "the resource id belongs to another partner", id);
            }
            store.putResource(c, r);
            return null;
        });
        return r;
    }

    public List<Resource> resources(String partnerId) {
        partner(partnerId);
        return db.read(c -> store.resources(c, partnerId));
    }

    /**
     * Sets each day's total (all days or none): CONFLICT when a day's total would fall below its held and sold
     * places. {@code partnerId}: the caller's partner; another partner's resource is NOT_FOUND.
     */
    public List<Allotment> setAllotments(String partnerId, String resourceId, AllotmentInput in) {
        resource(partnerId, resourceId);
        LocalDate from = day("from", in.from());
        LocalDate to = in.to() == null ? from : day("to", in.to());
        span(from, to);
        if (in.total() == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "total is required", null);
        }
        int total = Bounds.capacity("total", in.total());
        return db.tx(c -> {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (!store.setTotal(c, resourceId, d, total, clock.instant())) {
                    Allotment a = store.allotment(c, resourceId, d).orElseThrow();
                    throw new ServiceException(
                            Problem.CONFLICT,
                            "the total of " + d + " cannot fall below its " + (a.held() + a.sold())
                                    + " place(s) held and sold",
                            d.toString());
                }
            }
            return store.allotments(c, resourceId, from, to);
        });
    }

    public List<Allotment> allotments(String partnerId, String resourceId, String from, String to) {
        resource(partnerId, resourceId);
        LocalDate f = day("from", from);
        LocalDate t = to == null ? f : day("to", to);
        span(f, t);
        return db.read(c -> store.allotments(c, resourceId, f, t));
    }

    /** A voucher of the partner's: NOT_FOUND for an unknown code or another partner's. */
    public Voucher voucher(String partnerId, String code) {
        return db.read(c -> {
            BookingPart p = part(c, partnerId, code);
            return view(p, store.resource(c, p.resourceId()).orElseThrow());
        });
    }

    /** Marks the voucher used, once: CONFLICT when it was used already or its package was cancelled (VOID). */
    public Voucher use(String partnerId, String code) {
        return db.tx(c -> {
            BookingPart p = part(c, partnerId, code);
            if (!store.use(c, code, clock.instant())) {
                throw new ServiceException(
                        Problem.CONFLICT,
                        p.usedAt() != null
                                ? "the voucher was used already at " + p.usedAt()
                                : "the voucher is void: its package was cancelled",
                        code);
            }
            return view(
                    store.byVoucher(c, code).orElseThrow(),
                    store.resource(c, p.resourceId()).orElseThrow());
        });
    }

    Resource resource(String partnerId, String resourceId) {
        return db.read(c -> store.resource(c, resourceId))
                .filter(r -> r.partnerId().equals(partnerId))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such resource", cut(resourceId)));
    }

    private BookingPart part(java.sql.Connection c, String partnerId, String code) throws java.sql.SQLException {
        return (code == null || code.length() > 32 ? Optional.<BookingPart>empty() : store.byVoucher(c, code))
                .filter(p -> p.partnerId().equals(partnerId))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such voucher", cut(code)));
    }

    static Voucher view(BookingPart p, Resource r) {
        String state = p.state().equals("SOLD") ? (p.usedAt() != null ? "USED" : "VALID") : "VOID";
        return new Voucher(p.voucherCode(), p.partnerId(), r.id(), r.name(), p.day(), p.places(), state, p.usedAt());
    }

    static LocalDate day(String field, String s) {
        if (s == null) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " is required (YYYY-MM-DD)", null);
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must be a date YYYY-MM-DD", cut(s));
        }
    }

    private static void span(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "from..to must be 1 to " + MAX_DAYS + " days, in order", from + ".." + to);
        }
    }

    static void id(String id, String what) {
        if (id == null || !id.matches(ID)) {
            throw new ServiceException(Problem.BAD_REQUEST, what + " must be 1-64 of [A-Za-z0-9_-]", cut(id));
        }
    }

    private static String text(String field, String s, int max) {
        if (s == null || s.isBlank() || s.length() > max) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must be 1-" + max + " characters", null);
        }
        return s.strip();
    }

    static String cut(String s) {
        return s == null || s.length() <= 64 ? s : s.substring(0, 64);
    }
}
