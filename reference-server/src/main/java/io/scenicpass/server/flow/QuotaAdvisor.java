package io.scenicpass.server.flow;

import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.Slot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic quotas: moves capacity between two slots of the same option and date in one transaction (refused with
 * CONFLICT when the source would fall below its sold + held places, the same conditional update as a capacity
 * change), and suggests moves from slots the forecast leaves with spare places to slots expected to pass the
 * alert threshold.
 */
public final class QuotaAdvisor {
    /** A move of {@code places} from one slot to another. */
    public record Move(String fromSlotId, String toSlotId, int places, String reason) {}

    /** The two slots after a move. */
    public record Moved(Slot from, Slot to) {}

    private final Database db;
    private final InventoryStore inventory;
    private final FlowStore flowStore;
    private final FlowService flow;
    private final ForecastService forecast;
    private final Clock clock;
    private final FlowConfig config;

    public QuotaAdvisor(
            Database db,
            InventoryStore inventory,
            FlowStore flowStore,
            FlowService flow,
            ForecastService forecast,
            Clock clock,
            FlowConfig config) {
        this.db = db;
        this.inventory = inventory;
        this.flowStore = flowStore;
        this.flow = flow;
        this.forecast = forecast;
        this.clock = clock;
        this.config = config;
    }

    /** Moves {@code places} of capacity from one slot to another of the same option and date. */
    public Moved move(String fromSlotId, String toSlotId, int places) {
        Bounds.check("places", places, 1, Bounds.MAX_CAPACITY);
        if (fromSlotId == null || toSlotId == null || fromSlotId.equals(toSlotId)) {
            throw new ServiceException(Problem.BAD_REQUEST, "fromSlotId and toSlotId must be two different slots");
        }
        return db.tx(c -> {
            Slot from = inventory
                    .slot(c, fromSlotId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such slot", fromSlotId));
            Slot to = inventory
                    .slot(c, toSlotId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such slot", toSlotId));
            if (!from.optionId().equals(to.optionId()) || !from.localDate().equals(to.localDate())) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "capacity moves only between slots of the same option and date",
                        toSlotId);
            }
            if (!to.endAt().isAfter(clock.instant())) {
                throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "the target slot is over", toSlotId);
            }
            if ((long) to.capacity() + places > Bounds.MAX_CAPACITY) {
                throw new ServiceException(
                        Problem.BAD_REQUEST, "the target slot's capacity would pass " + Bounds.MAX_CAPACITY, toSlotId);
            }
            if (!flowStore.addCapacity(c, fromSlotId, -places)) {
                Slot now = inventory.slot(c, fromSlotId).orElse(from);
                throw new ServiceException(
                        Problem.CONFLICT,
                        "moving " + places + " places would leave " + fromSlotId + " below its "
                                + (now.sold() + now.held()) + " sold or held places (capacity " + now.capacity() + ")",
                        fromSlotId);
            }
            flowStore.addCapacity(c, toSlotId, places);
            return new Moved(
                    inventory.slot(c, fromSlotId).orElseThrow(),
                    inventory.slot(c, toSlotId).orElseThrow());
        });
    }

    /**
     * Suggested moves for today: a slot whose expected demand (sold + held + expected walk-ups) passes the
     * threshold takes places from later or earlier slots of the same option whose expected demand leaves more
     * than 20 % spare, down to 70 % of the donor's capacity and never below its sold + held.
     */
    public List<Move> suggestions() {
        Instant now = clock.instant();
        List<FlowService.SlotRow> slots = flow.slots(flow.today());
        double preBooked = forecast.preBookedToday(forecast.todaysPasses());
        int n = slots.size();
        double[] demand = new double[n];
        for (int i = 0; i < n; i++) {
            FlowService.SlotRow s = slots.get(i);
            demand[i] = s.sold() + s.held() + forecast.expectedWalkUps(s, now, preBooked);
        }
        int[] cap = new int[n];
        for (int i = 0; i < n; i++) {
            cap[i] = slots.get(i).capacity();
        }
        List<Move> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FlowService.SlotRow hot = slots.get(i);
            if (!hot.endAt().isAfter(now) || hot.closed() || cap[i] == 0 || demand[i] < config.threshold() * cap[i]) {
                continue;
            }
            int need = (int) Math.ceil(demand[i] / config.threshold() - cap[i]);
            for (int j = 0; j < n && need > 0; j++) {
                FlowService.SlotRow donor = slots.get(j);
                if (j == i
                        || !donor.productId().equals(hot.productId())
                        || !donor.endAt().isAfter(now)
                        || donor.closed()) {
                    continue;
                }
                int floor = (int) Math.max(Math.ceil(demand[j] / 0.7), donor.sold() + donor.held());
                int spare = cap[j] - floor;
                if (demand[j] > 0.8 * cap[j] || spare <= 0) {
                    continue;
                }
                int k = Math.min(spare, need);
                out.add(new Move(
                        donor.slotId(),
                        hot.slotId(),
                        k,
                        String.format(
                                java.util.Locale.ROOT,
                                "%s expects %.0f of %d places (%.0f%%); %s expects %.0f of %d",
                                hot.slotId(),
                                demand[i],
                                cap[i],
                                100 * demand[i] / cap[i],
                                donor.slotId(),
                                demand[j],
                                cap[j])));
                cap[j] -= k;
                cap[i] += k;
                need -= k;
            }
        }
        return out;
    }
}
