package io.scenicpass.server.packages;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.packages.store.PackageStore;
import io.scenicpass.server.packages.store.PackageStore.BookingPart;
import io.scenicpass.server.packages.store.PackageStore.Part;
import io.scenicpass.server.packages.store.PackageStore.Resource;
import io.scenicpass.server.reports.Reports.PartnerLine;
import io.scenicpass.server.sales.CatalogueService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Package products: a catalogue product (our ticket, priced as the whole package) whose bookings also take partner
 * parts ({@link PackageParts}); what each booking took; and what the park owes each partner (the settlement's
 * partner section).
 */
public final class Packages {
    /** Most parts one package has. */
    public static final int MAX_PARTS = 10;

    private final Database db;
    private final PackageStore store;
    private final CatalogueService catalogue;
    /** The package products, reloaded on every change here (read on every reservation). */
    private volatile Set<String> products;

    private volatile long loadedAt;
    private static final long RELOAD_NANOS = 5_000_000_000L;

    Packages(Database db, PackageStore store, CatalogueService catalogue) {
        this.db = db;
        this.store = store;
        this.catalogue = catalogue;
        reload();
    }

    public record PartInput(String resourceId, Integer dayOffset, String per) {}

    public record PackageInput(List<PartInput> parts) {}

    /** A package as the admin API shows it. */
    public record View(String productId, List<Part> parts) {}

    /** The package products; reloaded every few seconds, so that other nodes' changes reach this one. */
    Set<String> products() {
        if (System.nanoTime() - loadedAt > RELOAD_NANOS) {
            reload();
        }
        return products;
    }

    /** Makes {@code productId} a package of these parts (replacing earlier ones); no parts: an ordinary product. */
    public View put(String productId, PackageInput in) {
        if (in.parts() == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "parts is required ([] makes an ordinary product)", null);
        }
        CatalogueService.ProductView pv = catalogue.product(productId, null);
        if (pv.product().groupPass()) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY,
                    "a group-pass product cannot be a package (the booking's voucher is its pass)",
                    productId);
        }
        List<PartInput> given = in.parts();
        if (given.size() > MAX_PARTS) {
            throw new ServiceException(Problem.BAD_REQUEST, "at most " + MAX_PARTS + " parts", null);
        }
        List<Part> parts = new ArrayList<>();
        for (PartInput p : given) {
            if (p == null || p.resourceId() == null || p.dayOffset() == null) {
                throw new ServiceException(Problem.BAD_REQUEST, "each part needs resourceId and dayOffset", null);
            }
            if (p.dayOffset() < 0 || p.dayOffset() > 30) {
                throw new ServiceException(
                        Problem.BAD_REQUEST,
                        "dayOffset must be 0-30",
                        p.dayOffset().toString());
            }
            String per = p.per() == null ? "PERSON" : p.per();
            if (!per.equals("PERSON") && !per.equals("BOOKING")) {
                throw new ServiceException(Problem.BAD_REQUEST, "per must be PERSON or BOOKING", Partners.cut(per));
            }
            parts.add(new Part(productId, parts.size() + 1, p.resourceId(), p.dayOffset(), per));
        }
        db.tx(c -> {
            for (Part p : parts) {
                if (store.resource(c, p.resourceId()).isEmpty()) {
                    throw new ServiceException(
                            Problem.BAD_REQUEST, "no such partner resource", Partners.cut(p.resourceId()));
                }
            }
            store.putParts(c, productId, parts);
            return null;
        });
        reload();
        return get(productId);
    }

    public View get(String productId) {
        List<Part> parts = db.read(c -> store.parts(c, productId));
        if (parts.isEmpty()) {
            throw new ServiceException(Problem.NOT_FOUND, "no such package", Partners.cut(productId));
        }
        return new View(productId, parts);
    }

    public List<View> all() {
        Map<String, List<Part>> by = new LinkedHashMap<>();
        for (Part p : db.read(store::allParts)) {
            by.computeIfAbsent(p.productId(), k -> new ArrayList<>()).add(p);
        }
        return by.entrySet().stream()
                .map(e -> new View(e.getKey(), e.getValue()))
                .toList();
    }

    /** The partner parts a booking took, with their vouchers (for operators). */
    public List<Partners.Voucher> ofBooking(String bookingUuid) {
        return db.read(c -> {
            List<Partners.Voucher> out = new ArrayList<>();
            for (BookingPart p : store.bookingParts(c, bookingUuid)) {
                Resource r = store.resource(c, p.resourceId()).orElseThrow();
                out.add(Partners.view(p, r));
            }
            return out;
        });
    }

    /** A voucher by its code (any partner's): NOT_FOUND when there is none. */
    public Partners.Voucher voucher(String code) {
        return db.read(c -> {
            BookingPart p = (code == null || code.length() > 32
                            ? java.util.Optional.<BookingPart>empty()
                            : store.byVoucher(c, code))
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such voucher", Partners.cut(code)));
            return Partners.view(p, store.resource(c, p.resourceId()).orElseThrow());
        });
    }

    /** Per partner and currency: parts sold in [from, to) and parts cancelled in it (after their sale). */
    public List<PartnerLine> settlement(Instant from, Instant to) {
        return db.read(c -> {
            Map<String, String> names = store.partners(c).stream()
                    .collect(Collectors.toMap(PackageStore.Partner::id, PackageStore.Partner::name));
            Map<String, long[]> sums = new TreeMap<>();
            for (BookingPart p : store.settled(c, from, to)) {
                long[] s = sums.computeIfAbsent(p.partnerId() + "|" + p.currency(), k -> new long[5]);
                long net = p.net() * p.places();
                if (p.soldAt() != null
                        && !p.soldAt().isBefore(from)
                        && p.soldAt().isBefore(to)) {
                    s[0]++;
                    s[1] += p.places();
                    s[2] += net;
                }
                if (p.state().equals("CANCELLED")
                        && !p.cancelledAt().isBefore(from)
                        && p.cancelledAt().isBefore(to)) {
                    s[3] += p.places();
                    s[4] += net;
                }
            }
            List<PartnerLine> lines = new ArrayList<>();
            sums.forEach((key, s) -> {
                String id = key.substring(0, key.lastIndexOf('|'));
                lines.add(new PartnerLine(
                        id,
                        names.getOrDefault(id, id),
                        key.substring(key.lastIndexOf('|') + 1),
                        s[0],
                        s[1],
                        s[2],
                        s[3],
                        s[4],
                        s[2] - s[4]));
            });
            return lines;
        });
    }

    private void reload() {
        loadedAt = System.nanoTime();
        products =
                db.read(c -> store.allParts(c).stream().map(Part::productId).collect(Collectors.toUnmodifiableSet()));
    }
}
