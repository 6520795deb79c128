package io.scenicpass.server.sales.http;

import static io.scenicpass.server.sales.http.OctoApi.asks;
import static io.scenicpass.server.sales.http.OctoApi.pricing;

import io.javalin.http.Context;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.AvailabilityCalendarDay;
import io.scenicpass.channel.model.AvailabilityCalendarRequest;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.OctoCapabilities;
import io.scenicpass.channel.model.OpeningHours;
import io.scenicpass.channel.model.UnitPricing;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.content.http.OctoContent;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.store.Price;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** OCTO availability: {@code POST /octo/availability} and {@code POST /octo/availability/calendar}. */
final class OctoAvailabilityApi {
    private final CatalogueService catalogue;
    private final InventoryService inventory;
    private final OctoContent content;
    private final RequestBodies bodies;
    /** Writes the answer in OCTO JSON ({@link OctoApi}'s). */
    private final BiConsumer<Context, Object> ok;

    OctoAvailabilityApi(
            CatalogueService catalogue,
            InventoryService inventory,
            OctoContent content,
            RequestBodies bodies,
            BiConsumer<Context, Object> ok) {
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.content = content;
        this.bodies = bodies;
        this.ok = ok;
    }

    void availability(Context ctx, Channel ch) throws Exception {
        AvailabilityRequest req = bodies.read(ctx, AvailabilityRequest.class);
        CatalogueService.ProductView pv = catalogue.product(req.getProductId(), ch.id());
        CatalogueService.OptionView ov = option(pv, req.getOptionId());
        boolean hasDate = req.getLocalDate() != null;
        boolean hasRange = req.getLocalDateStart() != null || req.getLocalDateEnd() != null;
        boolean hasIds =
                req.getAvailabilityIds() != null && !req.getAvailabilityIds().isEmpty();
        if ((hasDate ? 1 : 0) + (hasRange ? 1 : 0) + (hasIds ? 1 : 0) != 1) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "give exactly one of localDate, localDateStart+localDateEnd, availabilityIds");
        }
        List<InventoryService.SlotView> views = new ArrayList<>();
        if (hasIds) {
            if (req.getAvailabilityIds().size() > 500) {
                throw new ServiceException(Problem.BAD_REQUEST, "at most 500 availabilityIds");
            }
            for (String id : req.getAvailabilityIds()) {
                if (id == null) {
                    throw new ServiceException(Problem.BAD_REQUEST, "availabilityIds must not contain null");
                }
                views.add(inventory
                        .slot(pv.product(), ov.option(), id, ch.id())
                        .orElseThrow(() ->
                                new ServiceException(Problem.INVALID_AVAILABILITY_ID, "unknown availability", id)));
            }
        } else {
            LocalDate from = hasDate ? req.getLocalDate() : req.getLocalDateStart();
            LocalDate to = hasDate ? req.getLocalDate() : req.getLocalDateEnd();
            if (from == null || to == null) {
                throw new ServiceException(Problem.BAD_REQUEST, "localDateStart and localDateEnd go together");
            }
            views = inventory.availability(pv.product(), ov.option(), from, to, ch.id());
        }
        List<UnitPricing> up = unitPricing(pv, ov);
        List<Availability> out = new ArrayList<>();
        for (InventoryService.SlotView v : views) {
            out.add(OctoViews.availability(v, pv.product(), pricing(ctx), up));
        }
        ok.accept(ctx, asks(ctx, OctoCapabilities.CONTENT) ? content.availability(ctx, pv, out) : out);
    }

    /** A day's hours: from its first slot's start to its last slot's end (a slot rule may change them from a date). */
    private static OpeningHours openingHours(InventoryService.DayView d, CatalogueService.OptionView ov) {
        if (d.slots().isEmpty()) {
            return new OpeningHours()
                    .from(ov.option().openTime().toString())
                    .to(ov.option().closeTime().toString());
        }
        return new OpeningHours()
                .from(d.slots().get(0).slot().localStart().substring(11, 16))
                .to(d.slots().get(d.slots().size() - 1).slot().localEnd().substring(11, 16));
    }

    void calendar(Context ctx, Channel ch) throws Exception {
        AvailabilityCalendarRequest req = bodies.read(ctx, AvailabilityCalendarRequest.class);
        CatalogueService.ProductView pv = catalogue.product(req.getProductId(), ch.id());
        CatalogueService.OptionView ov = option(pv, req.getOptionId());
        if (req.getLocalDateStart() == null || req.getLocalDateEnd() == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "localDateStart and localDateEnd are required");
        }
        List<UnitPricing> up = unitPricing(pv, ov);
        List<AvailabilityCalendarDay> out = new ArrayList<>();
        for (InventoryService.DayView d : inventory.calendar(
                pv.product(), ov.option(), req.getLocalDateStart(), req.getLocalDateEnd(), ch.id())) {
            AvailabilityCalendarDay day = new AvailabilityCalendarDay()
                    .localDate(d.date())
                    .available(d.vacancy().available())
                    .status(OctoViews.status(d.vacancy()))
                    .vacancies(d.vacancy().vacancies())
                    .capacity(d.vacancy().capacity())
                    .openingHours(
                            d.slots().isEmpty() && !pv.product().openingHours() // OCTO: always for OPENING_HOURS
                                    ? List.of()
                                    : List.of(openingHours(d, ov)));
            if (pricing(ctx)) {
                day.unitPricingFrom(up);
            }
            out.add(day);
        }
        ok.accept(ctx, out);
    }

    private List<UnitPricing> unitPricing(CatalogueService.ProductView pv, CatalogueService.OptionView ov) {
        List<UnitPricing> up = new ArrayList<>();
        for (Price p : ov.prices()) {
            up.add(new UnitPricing()
                    .unitId(p.unitId())
                    .original(Math.toIntExact(p.retail()))
                    .retail(Math.toIntExact(p.retail()))
                    .net(Math.toIntExact(p.net()))
                    .currency(pv.product().currency())
                    .currencyPrecision(2)
                    .includedTaxes(List.of()));
        }
        return up;
    }

    private static CatalogueService.OptionView option(CatalogueService.ProductView pv, String optionId) {
        CatalogueService.OptionView ov = pv.optionOrDefault(optionId);
        if (ov == null) {
            throw new ServiceException(Problem.INVALID_OPTION_ID, "unknown option", optionId);
        }
        return ov;
    }
}
