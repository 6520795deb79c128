package io.scenicpass.server.counter.offline;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Ids;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.PublicKeyEntry;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.CounterChannel;
import io.scenicpass.server.counter.CounterSales;
import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.counter.offline.OfflineSales.Refusal;
import io.scenicpass.server.counter.offline.OfflineSales.Result;
import io.scenicpass.server.counter.offline.OfflineSales.Sale;
import io.scenicpass.server.counter.offline.store.AllotmentStore;
import io.scenicpass.server.counter.offline.store.OfflineSaleStore;
import io.scenicpass.server.counter.store.SaleStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.identity.Document;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.IssuanceService;
import io.scenicpass.server.sales.UnitItems;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.terminal.store.ManifestStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes the sales a box office made offline, once each by sale id: every sale becomes a confirmed booking of the
 * {@code counter} channel whose places come out of the device's allotment (never the open inventory), with the passes
 * the device signed registered as its passes (manifest, entries, revocation like any other). A sale beyond the
 * allotment, or not matching its passes, is refused with a typed result and changes nothing.
 */
public final class OfflineSaleService {
    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final CounterChannel channel;
    private final AllotmentStore allotments;
    private final OfflineSaleStore sales;
    private final InventoryStore inventory;
    private final InventoryService inventoryService;
    private final CatalogueService catalogue;
    private final BookingStore bookings;
    private final PassStore passes;
    private final IdentityService identities;
    private final KeyService keys;
    private final ManifestStore manifest = new ManifestStore();
    private final SaleStore counterSales = new SaleStore();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public OfflineSaleService(
            Database db,
            Clock clock,
            Ids ids,
            CounterChannel channel,
            AllotmentStore allotments,
            OfflineSaleStore sales,
            InventoryStore inventory,
            InventoryService inventoryService,
            CatalogueService catalogue,
            IdentityService identities,
            KeyService keys) {
        this.keys = keys;
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.channel = channel;
        this.allotments = allotments;
        this.sales = sales;
        this.inventory = inventory;
        this.inventoryService = inventoryService;
        this.catalogue = catalogue;
        this.bookings = new BookingStore(db.dialect());
        this.passes = new PassStore(db.dialect());
        this.identities = identities;
    }

    /** Syncs a batch; one result per sale, in order. Each sale commits (or is refused) on its own. */
    public OfflineSales.Results sync(DeviceRow device, OfflineSales.Batch batch) {
        if (batch == null || batch.sales() == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "sales is required");
        }
        if (batch.sales().size() > OfflineSales.MAX_BATCH) {
            throw new ServiceException(Problem.BAD_REQUEST, "at most " + OfflineSales.MAX_BATCH + " sales per batch");
        }
        String channelId = channel.get().id(); // created on first use
        KeySet keySet = keys.signedKeySet().verify(keys.root().publicKey());
        List<Result> out = new ArrayList<>();
        for (Sale s : batch.sales()) {
            out.add(syncOne(device, s, channelId, keySet));
        }
        return new OfflineSales.Results(out);
    }

    private Result syncOne(DeviceRow device, Sale s, String channelId, KeySet keySet) {
        if (s == null || s.saleId() == null || !UUID.matcher(s.saleId()).matches()) {
            return Result.refused(
                    s == null ? null : s.saleId(), Refusal.INVALID_SALE, "saleId must be a lower-case UUID");
        }
        OfflineSaleStore.Row before = db.read(c -> sales.find(c, s.saleId()).orElse(null));
        if (before != null) {
            return replay(device, before);
        }
        Checked checked;
        try {
            checked = check(device, s, channelId, keySet);
        } catch (Refused r) {
            return Result.refused(s.saleId(), r.code, r.getMessage());
        }
        try {
            Result r = db.tx(c -> record(c, device, s, checked));
            inventoryService.slotChanged(checked.slot.optionId(), checked.draft.poolId());
            return r;
        } catch (Refused r) {
            return Result.refused(s.saleId(), r.code, r.getMessage());
        } catch (ServiceException e) { // the identity records: blacklisted, over a per-document limit
            return Result.refused(s.saleId(), Refusal.IDENTITY_REFUSED, e.getMessage());
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            OfflineSaleStore.Row raced = db.read(c -> sales.find(c, s.saleId()).orElse(null));
            return raced != null
                    ? replay(device, raced)
                    : Result.refused(s.saleId(), Refusal.ID_TAKEN, "a pass id of this sale is already issued");
        }
    }

    private static Result replay(DeviceRow device, OfflineSaleStore.Row before) {
        return before.deviceId().equals(device.id())
                ? Result.synced(before.saleId(), before.bookingId(), true)
                : Result.refused(before.saleId(), Refusal.ID_TAKEN, "this saleId is another device's sale");
    }

    /** A sale checked against the catalogue and its passes, ready to record. */
    private record Checked(
            Slot slot,
            Booking draft,
            Map<Integer, Document> documents,
            List<Pass> passes,
            IssuanceService.Validity validity) {}

    /** Validates a sale outside any transaction (catalogue, units, documents, passes). */
    private Checked check(DeviceRow device, Sale s, String channelId, KeySet keySet) {
        if (s.items() == null || s.items().isEmpty() || s.slotId() == null || s.soldAt() == null) {
            throw new Refused(Refusal.INVALID_SALE, "slotId, soldAt and at least one item are required");
        }
        if (!"CASH".equals(s.method()) && !"CODE".equals(s.method())) {
            throw new Refused(Refusal.INVALID_SALE, "method must be CASH or CODE");
        }
        if (s.amountFen() == null || s.amountFen() < 0) {
            throw new Refused(Refusal.INVALID_SALE, "amountFen must be >= 0");
        }
        Slot slot = inventoryService
                .findSlot(s.slotId())
                .orElseThrow(() -> new Refused(Refusal.INVALID_SALE, "unknown slot " + s.slotId()));
        if (s.productId() != null && !s.productId().equals(slot.productId())) {
            throw new Refused(Refusal.INVALID_SALE, "the slot is not of product " + s.productId());
        }
        try {
            CatalogueService.ProductView pv = catalogue.product(slot.productId(), channelId);
            List<BookingCommands.Item> requested = new ArrayList<>();
            List<IdentityInput> documents = new ArrayList<>();
            for (OfflineSales.Item i : s.items()) {
                requested.add(new BookingCommands.Item(i == null ? null : i.unitId(), null));
                documents.add(i == null ? null : i.identity());
            }
            CatalogueService.OptionView ov = pv.option(slot.optionId());
            if (ov == null) {
                throw new Refused(Refusal.INVALID_SALE, "the slot's option is not on sale");
            }
            UnitItems.Built built = UnitItems.build(ov, requested, List.of(), ids);
            Map<Integer, Document> checkedDocs = identities.check(documents, built.units(), slot.localDate());
            IssuanceService.Validity validity = IssuanceService.validity(pv.product(), slot);
            List<Pass> signed = new ArrayList<>();
            List<Booking.UnitItem> items = new ArrayList<>();
            Set<String> passIds = new HashSet<>();
            for (int i = 0; i < s.items().size(); i++) {
                OfflineSales.Item item = s.items().get(i);
                Pass p = pass(item, i, pv.product().id(), validity);
                signedHere(device, p, s.soldAt(), keySet, i);
                if (!passIds.add(p.claims().passId())) {
                    throw new Refused(Refusal.INVALID_PASS, "items[" + i + "]: the same pass twice");
                }
                signed.add(p);
                items.add(built.items().get(i).withPassId(p.claims().passId()));
            }
            Instant now = clock.instant();
            Booking draft = Booking.newHold(
                    CounterSales.bookingUuid(s.saleId()),
                    channelId,
                    "offline:" + s.saleId(),
                    pv.product(),
                    slot,
                    built.quantity(),
                    items,
                    ids.sortableId(),
                    now,
                    now);
            return new Checked(slot, draft, checkedDocs, signed, validity);
        } catch (ServiceException e) {
            throw new Refused(
                    e.problem() == Problem.BAD_REQUEST && e.getMessage().contains("identity")
                            ? Refusal.IDENTITY_REFUSED
                            : Refusal.INVALID_SALE,
                    e.getMessage());
        }
    }

    /** The item's pass, decoded and matched against the sale: its id, product and validity (not its signature). */
    private static Pass pass(OfflineSales.Item item, int i, String productId, IssuanceService.Validity v) {
        String where = "items[" + i + "]";
        if (item == null || item.passId() == null || item.passText() == null) {
            throw new Refused(Refusal.INVALID_PASS, where + ": passId and passText are required");
        }
        Pass p;
        try {
            p = PassCodec.decode(item.passText());
        } catch (RuntimeException e) {
            throw new Refused(Refusal.INVALID_PASS, where + ": the pass does not decode");
        }
        Claims cl = p.claims();
        if (!item.passId().equals(cl.passId())
                || !productId.equals(cl.productId())
                || !v.from().equals(cl.validFrom())
                || !v.until().equals(cl.validUntil())) {
            throw new Refused(Refusal.INVALID_PASS, where + ": the pass's claims do not match the sale");
        }
        return p;
    }

    /**
     * The pass is signed by a key the server delegated to this device, and was within that delegation when sold
     * (validity at {@code soldAt}, scope, not revoked): a device syncs only passes the gates accept from it.
     */
    private static void signedHere(DeviceRow device, Pass p, Instant soldAt, KeySet keySet, int i) {
        String where = "items[" + i + "]: ";
        PublicKeyEntry key = keySet.find(p.keyId()).orElse(null);
        if (key == null
                || key.delegation().isEmpty()
                || !device.id().equals(key.delegation().get().deviceId())) {
            throw new Refused(Refusal.INVALID_PASS, where + "not signed by a key delegated to this device");
        }
        try {
            new PassVerifier(keySet).verify(p, soldAt);
        } catch (ScenicPassException e) {
            throw new Refused(Refusal.INVALID_PASS, where + e.code() + ": " + e.getMessage());
        }
    }

    /** Records a checked sale in the caller's transaction: allotment, counters, booking, documents, passes. */
    private Result record(Connection c, DeviceRow device, Sale s, Checked ch) throws SQLException {
        Instant now = clock.instant();
        Booking b = ch.draft;
        sales.insert(
                c,
                new OfflineSaleStore.Row(
                        s.saleId(),
                        device.id(),
                        b.slotId(),
                        b.uuid(),
                        b.quantity(),
                        s.amountFen(),
                        s.method(),
                        s.shiftId(),
                        s.soldAt(),
                        now));
        // the lock order of every path: slot row, allotment row, day pool row
        inventory.lockSlot(c, b.slotId());
        if (!allotments.trySell(c, device.id(), b.slotId(), b.quantity(), now)) {
            int left = allotments
                    .lock(c, device.id(), b.slotId())
                    .map(AllotmentStore.Row::unsold)
                    .orElse(0);
            throw new Refused(
                    Refusal.ALLOTMENT_EXHAUSTED,
                    "the sale takes " + b.quantity() + " places; the device's allotment on this slot has " + left
                            + " left");
        }
        boolean ok = inventory.holdToSold(c, b.slotId(), b.quantity());
        if (b.poolId() != null) {
            ok &= inventory.dayHoldToSold(c, b.poolId(), b.localDate(), b.quantity());
        }
        if (!ok) {
            throw new IllegalStateException("inventory counters out of step for the allotment of slot " + b.slotId()
                    + " (see POST /admin/v1/inventory/repair)");
        }
        bookings.insert(c, b);
        bookings.transition(c, b.uuid(), BookingState.ON_HOLD, BookingState.CONFIRMED, now);
        // a paid counter sale like those made online: the device's sales, the reports and the shift's cash-up see it
        counterSales.insert(
                c,
                new SaleStore.SaleRow(
                        s.saleId(),
                        device.id(),
                        s.shiftId(),
                        b.uuid(),
                        b.productId(),
                        b.slotId(),
                        s.amountFen(),
                        b.currency(),
                        null,
                        s.method(),
                        SaleState.PAID,
                        s.soldAt(),
                        now));
        identities.record(c, b, ch.documents);
        Map<String, String> bindings = identities.bindings(c, b.uuid());
        IssuanceService.Validity v = ch.validity;
        for (int i = 0; i < ch.passes.size(); i++) {
            Pass p = ch.passes.get(i);
            Booking.UnitItem item = b.unitItems().get(i);
            // issued_at is the server's time of the sync: the manifest's refresh looks at passes issued since its last
            // run
            passes.insert(
                    c,
                    new PassRecord(
                            p.claims().passId(),
                            b.uuid(),
                            p.keyId(),
                            p.text(),
                            p.claims().partySize(),
                            v.dayStart(),
                            v.dayEnd(),
                            false,
                            now));
            if (bindings.containsKey(item.uuid())) {
                manifest.addHolderBindings(c, p.claims().passId(), List.of(bindings.get(item.uuid())));
            }
        }
        return Result.synced(s.saleId(), b.uuid(), false);
    }

    /** A sale refused with a typed reason (rolls the transaction back). */
    private static final class Refused extends RuntimeException {
        final Refusal code;

        Refused(Refusal code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
