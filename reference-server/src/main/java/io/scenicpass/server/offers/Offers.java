package io.scenicpass.server.offers;

import io.scenicpass.core.Ids;
import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.offers.store.OfferStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Offers and coupon campaigns as operators manage them: create, change, pause and resume, list with their counts. */
public final class Offers {
    /** Most fen an AMOUNT offer takes off one unit item (100,000 yuan). */
    static final long MAX_AMOUNT = 10_000_000;
    /** Longest validity of a coupon, in days. */
    static final int MAX_COUPON_DAYS = 366;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{3,32}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /**
     * What {@code POST /admin/v1/offers} and {@code PUT /admin/v1/offers/{id}} take: see docs/operations.md § Offers.
     * Required: {@code title}, {@code kind}, {@code amount}; the rest may be left out (null: no restriction).
     */
    public record Input(
            String code,
            String title,
            String kind,
            Long amount,
            String productId,
            String unitType,
            String segment,
            List<String> combination,
            String validFrom,
            String validTo,
            Integer perVisitorLimit,
            Integer totalLimit,
            String couponTrigger,
            Integer couponDays,
            String status) {}

    private final Database db;
    private final OfferStore store;
    private final Ids ids;
    private final Clock clock;

    Offers(Database db, OfferStore store, Ids ids, Clock clock) {
        this.db = db;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    public Offer create(Input in) {
        Offer o = offer(ids.sortableId(), in, clock.millis(), clock.millis());
        return save(o, true);
    }

    /** Replaces an offer's terms (its id, creation time and the redemptions so far stay). */
    public Offer update(String id, Input in) {
        Offer was = get(id);
        return save(offer(id, in, was.createdAt(), clock.millis()), false);
    }

    /** Pauses ({@code active} false) or resumes an offer: a paused one applies to no new booking. */
    public Offer activate(String id, boolean active) {
        Offer o = get(id).withStatus(active ? Offer.Status.ACTIVE : Offer.Status.PAUSED, clock.millis());
        return save(o, false);
    }

    public Offer get(String id) {
        return db.read(c -> store.find(c, id))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such offer", cut(id)));
    }

    /** Every offer, newest first, with its redemptions (live bookings) and coupons issued. */
    public List<OfferStore.Counted> list() {
        long liveSince = clock.millis() - OfferPricing.IN_FLIGHT.toMillis();
        return db.read(c -> store.list(c, liveSince));
    }

    private Offer save(Offer o, boolean insert) {
        try {
            boolean done = db.tx(c -> {
                if (insert) {
                    store.insert(c, o);
                    return true;
                }
                return store.update(c, o);
            });
            if (!done) {
                throw new ServiceException(Problem.NOT_FOUND, "no such offer", o.id());
            }
        } catch (StoreException e) {
            if (e.isUniqueViolation()) {
                throw new ServiceException(Problem.CONFLICT, "another offer has the code " + o.code(), o.code());
            }
            throw e;
        }
        return o;
    }

    private static Offer offer(String id, Input in, long created, long now) {
        if (in == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "an offer body is required");
        }
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new ServiceException(Problem.BAD_REQUEST, "title is required (1..200 characters)");
        }
        Offer.Kind kind = parse(Offer.Kind.class, "kind", in.kind(), false);
        if (in.amount() == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "amount is required (PERCENT: 1..100, AMOUNT: fen)");
        }
        long amount = Bounds.check("amount", in.amount(), 1, kind == Offer.Kind.PERCENT ? 100 : MAX_AMOUNT);
        String code = OfferPricing.normalise(in.code());
        if (code != null && !CODE.matcher(code).matches()) {
            throw new ServiceException(Problem.BAD_REQUEST, "code must be 3..32 of A-Z, 0-9, _ and -");
        }
        Offer.Trigger trigger = parse(Offer.Trigger.class, "couponTrigger", in.couponTrigger(), true);
        if (trigger != null && code != null) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "a coupon campaign has no code of its own: each coupon is a code");
        }
        Integer couponDays = in.couponDays();
        if (trigger != null) {
            if (couponDays == null) {
                throw new ServiceException(Problem.BAD_REQUEST, "couponDays is required for a coupon campaign");
            }
            Bounds.check("couponDays", couponDays, 1, MAX_COUPON_DAYS);
        } else if (couponDays != null) {
            throw new ServiceException(Problem.BAD_REQUEST, "couponDays is for coupon campaigns (couponTrigger)");
        }
        LocalDate from = day("validFrom", in.validFrom());
        LocalDate to = day("validTo", in.validTo());
        if (from != null && to != null && to.isBefore(from)) {
            throw new ServiceException(Problem.BAD_REQUEST, "validTo must not be before validFrom");
        }
        List<String> combination = new ArrayList<>();
        if (in.combination() != null) {
            Bounds.listSize("combination", in.combination());
            for (String t : in.combination()) {
                combination.add(name("combination[]", t, true).toUpperCase(Locale.ROOT));
            }
        }
        String status = in.status() == null ? "ACTIVE" : in.status();
        return new Offer(
                id,
                code,
                title,
                kind,
                amount,
                name("productId", in.productId(), false),
                upper(name("unitType", in.unitType(), false)),
                name("segment", in.segment(), false),
                combination,
                from,
                to,
                limit("perVisitorLimit", in.perVisitorLimit()),
                limit("totalLimit", in.totalLimit()),
                trigger,
                couponDays,
                parse(Offer.Status.class, "status", status, false),
                created,
                now);
    }

    private static Integer limit(String field, Integer v) {
        return v == null ? null : (int) Bounds.check(field, v, 1, Bounds.MAX_CAPACITY);
    }

    private static String name(String field, String v, boolean required) {
        if (v == null && !required) {
            return null;
        }
        if (v == null || !NAME.matcher(v).matches()) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must be 1..64 of A-Z, a-z, 0-9, _ . -");
        }
        return v;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static LocalDate day(String field, String v) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must be a date YYYY-MM-DD");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String v, boolean optional) {
        if (v == null && optional) {
            return null;
        }
        try {
            return Enum.valueOf(type, v == null ? "" : v);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(
                    Problem.BAD_REQUEST,
                    field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 64 ? s : s.substring(0, 64);
    }
}
