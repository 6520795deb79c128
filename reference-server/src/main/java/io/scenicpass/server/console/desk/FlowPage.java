package io.scenicpass.server.console.desk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.flow.FlowModule;
import io.scenicpass.server.flow.FlowService;
import io.scenicpass.server.flow.QuotaAdvisor;
import io.scenicpass.server.flow.store.AlertStore;
import io.scenicpass.server.sales.CapacityChanges;
import io.scenicpass.server.web.Pages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/flow}: today's flow (VIEW): the park's and each zone's occupancy, arrivals per hour, the slots' fill,
 * the capacity alerts and the quota suggestions. Acknowledging an alert and applying a suggestion need FLOW_WRITE
 * (audited); a suggestion is applied through the catalogue's own capacity change ({@link CapacityChanges}): the donor
 * slot first, refused below what it sold or holds (the reason shown, nothing changed), then the slot that needs the
 * places.
 */
public final class FlowPage {
    /** An alert as shown: its current episode and who acknowledged it. */
    public record AlertView(AlertStore.AlertRow alert, String acknowledgedBy, String acknowledgedAt) {}

    /** Arrivals in one hour (local time) of today. */
    public record Hour(String hour, long people) {}

    public record Model(
            FlowService.Occupancy occupancy,
            List<Hour> arrivals,
            List<FlowService.SlotRow> slots,
            List<AlertView> alerts,
            List<QuotaAdvisor.Move> suggestions,
            String zone,
            String done,
            String errorCode,
            String error) {}

    private final ConsolePages pages;
    private final FlowModule flow;
    private final CapacityChanges capacity;

    FlowPage(ConsolePages pages, FlowModule flow, CapacityChanges capacity) {
        this.pages = pages;
        this.flow = flow;
        this.capacity = capacity;
    }

    void register(RoutesConfig r) {
        r.get("/console/flow", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(ctx, 200, ctx.queryParam("done"), null);
        });
        r.post("/console/flow/acknowledge", this::acknowledge);
        r.post("/console/flow/apply", this::apply);
    }

    private void acknowledge(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.FLOW_WRITE);
        try {
            String key = Forms.text(ctx, "key");
            flow.alerts.acknowledge(key, p.actor());
            pages.audited(p, "console: acknowledge alert", "alert=" + key, null);
            ctx.redirect("/console/flow?done=acknowledged", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), null, e);
        }
    }

    /** Moves a suggestion's places: the donor's capacity down (refused below sold), then the other's up. */
    private void apply(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.FLOW_WRITE);
        try {
            String fromId = Forms.text(ctx, "fromSlotId");
            String toId = Forms.text(ctx, "toSlotId");
            int places = Forms.number(ctx, "places");
            if (places < 1 || fromId.equals(toId)) {
                throw new ServiceException(Problem.BAD_REQUEST, "a move is at least 1 place between two slots");
            }
            FlowService.SlotRow from = today(fromId);
            FlowService.SlotRow to = today(toId);
            capacity.changeCapacity(from.slotId(), from.capacity() - places);
            try {
                capacity.changeCapacity(to.slotId(), to.capacity() + places);
            } catch (ServiceException e) {
                capacity.changeCapacity(from.slotId(), from.capacity()); // the places go back where they were
                throw e;
            }
            pages.audited(
                    p,
                    "console: apply quota suggestion",
                    "slotId=" + to.slotId(),
                    places + " places from " + from.slotId() + " (capacity " + (from.capacity() - places) + " and "
                            + (to.capacity() + places) + ")");
            ctx.redirect("/console/flow?done=applied", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), null, e);
        }
    }

    private FlowService.SlotRow today(String slotId) {
        return flow.flow.slots(flow.flow.today()).stream()
                .filter(s -> s.slotId().equals(slotId))
                .findFirst()
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no slot of today " + slotId, slotId));
    }

    private void render(Context ctx, int status, String done, ServiceException e) {
        ZoneId zone = flow.config.zone();
        Instant start = flow.flow.dayStart(flow.flow.today());
        FlowService.Series gates = flow.flow.arrivals(start, start.plus(Duration.ofDays(1)))[0];
        long[] perHour = new long[24];
        for (long[] buckets : gates.series().values()) {
            for (int i = 0; i < buckets.length; i++) {
                perHour[Math.min(23, i * gates.bucketMinutes() / 60)] += buckets[i];
            }
        }
        List<Hour> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (perHour[h] > 0) {
                hours.add(new Hour(String.format("%02d:00", h), perHour[h]));
            }
        }
        Map<String, AlertStore.Acknowledgement> acks = flow.alerts.acknowledgements();
        List<AlertView> alerts = new ArrayList<>();
        for (AlertStore.AlertRow a : flow.alerts.alerts(50)) {
            AlertStore.Acknowledgement ack = acks.get(a.key());
            alerts.add(new AlertView(
                    a,
                    ack == null ? null : ack.by(),
                    ack == null
                            ? null
                            : ack.at().atZone(zone).toLocalTime().withNano(0).toString()));
        }
        Pages.render(
                ctx,
                status,
                "console/desk/flow.jte",
                pages.frame(ctx, "flow.title", DeskModule.TEXTS),
                new Model(
                        flow.flow.occupancy(),
                        hours,
                        flow.flow.slots(flow.flow.today()),
                        alerts,
                        flow.quotas.suggestions(),
                        zone.getId(),
                        done,
                        e == null ? null : e.problem().name(),
                        e == null ? null : e.getMessage()));
    }
}
