package io.scenicpass.server.passes;

import io.scenicpass.core.Claims;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.passes.store.AnnualPassStore;
import io.scenicpass.server.passes.store.PassTermsStore;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.IssuanceService;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.Product;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The pass terms of products, and how they shape the passes signed ({@link IssuanceService.Terms}): re-entry,
 * entries in total and per day, days within a window (the validity grows by {@code windowDays - 1} days), the
 * product's zones as the pass's sites without a per-zone cap; an annual pass is sold not activated, valid until its
 * activation deadline, and recorded as an {@link AnnualPass}.
 */
public final class PassProducts implements IssuanceService.Terms {
    private static final Set<String> KINDS = Set.of("DAY", "MULTI_DAY", "ANNUAL", "SINGLE_ENTRY", "TIMED_SLOT");

    private final Database db;
    private final PassTermsStore store;
    private final AnnualPassStore annual;
    private final CatalogueService catalogue;
    private final Clock clock;
    private final CatalogueStore catalogueStore = new CatalogueStore();
    /** OCTO's view of each product's terms, short-lived like the catalogue's views (other nodes' changes in 5 s). */
    private final com.github.benmanes.caffeine.cache.Cache<String, Optional<io.scenicpass.channel.model.PassTerms>>
            octoViews = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(10_000)
                    .expireAfterWrite(Duration.ofSeconds(5))
                    .build();

    public PassProducts(
            Database db, PassTermsStore store, AnnualPassStore annual, CatalogueService catalogue, Clock clock) {
        this.db = db;
        this.store = store;
        this.annual = annual;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The product's terms, or NOT_FOUND (for an unknown product, or one that issues plain single-entry passes). */
    public PassTerms get(String productId) {
        Product p = product(productId);
        return db.read(c -> store.get(c, p.id()))
                .orElseThrow(() -> new ServiceException(
                        Problem.NOT_FOUND, "the product issues single-entry passes: no pass terms", productId));
    }

    /** Sets the product's terms for passes sold from now on; BAD_REQUEST when they do not fit the product. */
    public PassTerms put(String productId, PassTerms given) {
        Product p = product(productId);
        if (given == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "a body with the pass terms is required");
        }
        PassTerms t = given.validated();
        if (p.groupPass() || !KINDS.contains(p.passKind())) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "pass terms need a product with one pass per person of kind " + KINDS);
        }
        if (t.annual() != "ANNUAL".equals(p.passKind())) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "validityMonths > 0 (an annual pass) goes with passKind ANNUAL, and only");
        }
        db.tx(c -> {
            store.put(c, p.id(), t, clock.instant());
            return null;
        });
        catalogue.changed();
        octoViews.invalidateAll();
        return t;
    }

    /** The product's terms (empty: plain single-entry passes, or no such product). */
    public Optional<PassTerms> find(String productId) {
        return db.read(c -> store.get(c, productId));
    }

    /** The product's terms as OCTO shows them ({@code passTerms}), or null for plain single-entry passes. */
    public io.scenicpass.channel.model.PassTerms octo(String productId) {
        return octoViews
                .get(productId, id -> find(id).map(PassProducts::octoView))
                .orElse(null);
    }

    private static io.scenicpass.channel.model.PassTerms octoView(PassTerms t) {
        return new io.scenicpass.channel.model.PassTerms()
                .reentry(t.reentry())
                .entriesAllowed(t.entriesAllowed())
                .entriesPerDay(t.entriesPerDay())
                .daysAllowed(t.daysAllowed())
                .windowDays(t.windowDays())
                .validityMonths(t.validityMonths())
                .activationDays(t.activationDays())
                .refundFee(t.refundFee());
    }

    /** A product (active or not) inside a transaction. */
    Product product(Connection c, String productId) throws SQLException {
        return catalogueStore.product(c, productId).orElseThrow(() -> new IllegalStateException(productId));
    }

    /** The terms of a product inside a transaction (empty: plain single-entry passes). */
    public Optional<PassTerms> terms(Connection c, String productId) throws SQLException {
        return store.get(c, productId);
    }

    @Override
    public void shape(Connection c, Product product, Instant from, Instant until, Claims.Builder claims)
            throws SQLException {
        Optional<PassTerms> found = store.get(c, product.id());
        if (found.isEmpty()) {
            return;
        }
        PassTerms t = found.get();
        claims.reentry(t.reentryPolicy())
                .entriesAllowed(t.entriesAllowed())
                .entriesPerDay(t.entriesPerDay())
                .daysAllowed(t.daysAllowed())
                // the product's zones are the pass's sites: any number of entries there, within the caps above
                .zones(product.zones().stream().map(z -> ZoneAllowance.of(z, 0)).toList());
        if (t.annual()) { // sold, not activated: refused at gates until activation signs the real pass
            claims.activationRequired(true).validUntil(from.plus(Duration.ofDays(t.activationDays())));
        } else if (t.windowDays() > 1) {
            claims.validUntil(until.plus(Duration.ofDays(t.windowDays() - 1)));
        }
    }

    @Override
    public void issued(Connection c, Booking b, Product product, PassRecord pass, long retail) throws SQLException {
        Optional<PassTerms> t = store.get(c, product.id());
        if (t.isPresent() && t.get().annual()) {
            Instant now = clock.instant();
            annual.insert(
                    c,
                    new AnnualPass(
                            pass.passId(),
                            pass.passId(),
                            b.uuid(),
                            product.id(),
                            AnnualPass.SOLD,
                            retail,
                            product.currency(),
                            now,
                            pass.validUntil(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    now);
        }
    }

    private Product product(String productId) {
        if (productId == null || !catalogue.exists(productId)) {
            throw new ServiceException(Problem.NOT_FOUND, "unknown product", productId);
        }
        return catalogue.anyState(productId).product(); // an inactive product's terms are edited too
    }
}
