package io.scenicpass.server.sales;

import io.scenicpass.server.Platform;
import io.scenicpass.server.channels.ChannelsModule;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.content.ContentModule;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.identity.IdentityModule;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.questions.QuestionsModule;
import io.scenicpass.server.sales.http.OctoApi;
import io.scenicpass.server.sales.http.OctoSupplier;
import io.scenicpass.server.sales.internal.HoldCombiner;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.OrderStore;
import io.scenicpass.server.sales.store.PassStore;
import java.time.Duration;
import java.util.function.Supplier;

/** Selling: the catalogue, slots and inventory, holds and bookings, pass issuance; the OCTO API for resellers. */
public final class SalesModule {
    public final CatalogueService catalogue;
    public final InventoryService inventory;
    public final IssuanceService issuance;
    public final OnlineClaimPolicy onlineClaims;
    public final BookingService bookings;
    /** Passes given back for a refund at the counter (box office). */
    public final PassCancellation passCancellation;

    public final PassQueries passes;
    /** An operator's void or reissue of one pass, with a reason. */
    public final PassActions passActions;

    public final CapacityChanges capacity;
    /** Slot rules from a date on, the month calendar, whole days closed; closures of date ranges (#20). */
    public final SlotSchedule slotSchedule;

    public final SlotClosures closures;
    /** OCTO cart orders: bookings confirmed or cancelled together. */
    public final OrderService orders;

    public final OctoApi api;
    /** Real-name tickets: the visitors' documents taken with bookings (see {@code identity/}). */
    public final IdentityModule identity;
    /** OCTO content: texts, media and FAQs per language (see {@code content/}). */
    public final ContentModule content;
    /** OCTO questions: asked per product, option or unit, answered with bookings (see {@code questions/}). */
    public final QuestionsModule questions;

    private final Platform platform;

    /** {@code publicUrl}: the server's address as resellers reach it (the OCTO supplier's endpoint). */
    public SalesModule(Platform p, KeyService keys, ChannelsModule channels, Supplier<String> publicUrl) {
        platform = p;
        ServerConfig config = p.config();
        CatalogueStore catalogueStore = new CatalogueStore();
        InventoryStore inventoryStore = new InventoryStore();
        BookingStore bookingStore = new BookingStore(p.db().dialect());
        PassStore passStore = new PassStore(p.db().dialect());
        catalogue = new CatalogueService(p.db(), catalogueStore, p.clock());
        identity = new IdentityModule(p);
        inventory = new InventoryService(
                p.db(),
                catalogueStore,
                inventoryStore,
                bookingStore,
                p.clock(),
                config.slotHorizonDays,
                config.availabilityCache);
        onlineClaims = new OnlineClaimPolicy(p.db(), new SettingStore(), catalogue);
        issuance = new IssuanceService(
                keys, passStore, bookingStore, onlineClaims, p.ids(), p.clock(), config.areaId, identity.identities);
        HoldPolicy holds = new HoldPolicy(config.holdDefaultMinutes, config.holdMaxMinutes);
        BookingLifecycle lifecycle = new BookingLifecycle(
                p.db(),
                catalogueStore,
                inventoryStore,
                bookingStore,
                passStore,
                inventory,
                issuance,
                channels.webhooks,
                holds,
                p.clock(),
                new BookingChanges(
                        bookingStore,
                        inventoryStore,
                        catalogueStore,
                        catalogue,
                        inventory,
                        issuance,
                        p.ids(),
                        p.clock()),
                identity.identities);
        passCancellation = new PassCancellation(
                catalogueStore,
                inventoryStore,
                bookingStore,
                passStore,
                new io.scenicpass.server.terminal.store.PassUseStore(p.db().dialect()),
                inventory,
                issuance,
                channels.webhooks,
                lifecycle);
        bookings = new BookingService(
                p.db(),
                bookingStore,
                catalogue,
                inventory,
                new HoldCombiner(p.db(), bookingStore, inventoryStore),
                lifecycle,
                holds,
                p.ids(),
                p.clock(),
                identity.identities);
        passes = new PassQueries(p.db(), passStore, bookingStore);
        passActions = new PassActions(
                p.db(),
                passStore,
                bookingStore,
                catalogueStore,
                inventoryStore,
                issuance,
                lifecycle,
                channels.webhooks,
                p.clock());
        capacity = new CapacityChanges(p.db(), inventoryStore, inventory);
        slotSchedule = new SlotSchedule(p.db(), catalogueStore, inventoryStore, inventory, p.clock());
        closures = new SlotClosures(p.db(), catalogueStore, slotSchedule, inventory, p.clock());
        orders = new OrderService(
                p.db(), new OrderStore(), bookingStore, bookings, lifecycle, inventory, holds, p.ids(), p.clock());
        content = new ContentModule(p, catalogue, publicUrl);
        questions = new QuestionsModule(p, catalogue, bookings);
        api = new OctoApi(
                catalogue,
                inventory,
                bookings,
                channels.channels,
                passes,
                OctoSupplier.of(config, publicUrl),
                channels.subscriptions,
                content.octo,
                questions.octo,
                orders);
    }

    /** Sets what other features sell with some products' bookings (packages); once, at composition. */
    public void parts(BookingParts p) {
        inventory.parts.set(p);
    }

    /** Hold expiry: one node at a time (compare-and-set updates make a second run harmless anyway). */
    public void jobs(Jobs jobs) {
        jobs.singleton(
                "hold-expiry",
                "hold expiry runs",
                Duration.ofMillis(Math.max(1, platform.config().jobInterval.toMillis())),
                inventory::expireDueHolds);
        identity.jobs(jobs);
    }
}
