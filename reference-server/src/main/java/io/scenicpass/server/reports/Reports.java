package io.scenicpass.server.reports;

import io.scenicpass.server.counter.boxoffice.CashUp;
import io.scenicpass.server.counter.boxoffice.Cashiers;
import io.scenicpass.server.counter.boxoffice.Shifts;
import io.scenicpass.server.counter.boxoffice.store.ShiftStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.reports.store.ReportStore;
import io.scenicpass.server.reports.store.ReportStore.ChannelName;
import io.scenicpass.server.reports.store.ReportStore.Movement;
import io.scenicpass.server.reports.store.ReportStore.Redemption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operators' reports of a period: sales and refunds by day, product and channel; redemptions (first entries) by
 * day, product and channel; the settlement per channel (sold − refunded at the channel's net prices: what an OTA or
 * partner owes the park); the box offices' shift closes. Amounts in fen; days in the park's zone. A sale counts on
 * the day it was confirmed, a refund on the day it was made (so a period's refunds may be of earlier sales).
 */
public final class Reports {
    /** One day × product × channel of sales and refunds. */
    public record SalesLine(
            LocalDate day,
            String productId,
            String productName,
            String channelId,
            String channelName,
            String currency,
            long soldBookings,
            long soldPlaces,
            long soldRetailFen,
            long soldNetFen,
            long refundedPlaces,
            long refundedRetailFen,
            long refundedNetFen) {}

    /** One day × product × channel of first entries: passes admitted for the first time and their people. */
    public record RedemptionLine(
            LocalDate day,
            String productId,
            String productName,
            String channelId,
            String channelName,
            long passes,
            long persons) {}

    /** What one channel owes for the period: {@code owedNetFen} = sold − refunded, at its net prices. */
    public record SettlementLine(
            String channelId,
            String channelName,
            String kind,
            String currency,
            long soldBookings,
            long soldPlaces,
            long soldNetFen,
            long refundedPlaces,
            long refundedNetFen,
            long owedNetFen,
            long soldRetailFen,
            long refundedRetailFen) {}

    /** A closed box-office shift: its cash-up as frozen at the close, with the cashier's name. */
    public record ShiftClose(
            String shiftId,
            String deviceId,
            String cashierId,
            String cashierName,
            Instant openedAt,
            Instant closedAt,
            long openingFloatFen,
            long salesCount,
            long salesFen,
            long refundsCount,
            long refundsFen,
            long expectedCashFen,
            long countedCashFen,
            long differenceFen,
            boolean balanced) {}

    /** A report: its period and lines. */
    public record Report<L>(Instant from, Instant to, List<L> lines) {}

    /**
     * What the park owes one package partner for the period, in one currency (see {@code packages/}): parts sold −
     * cancelled, at the partner's net.
     */
    public record PartnerLine(
            String partnerId,
            String partnerName,
            String currency,
            long soldParts,
            long soldPlaces,
            long soldNetFen,
            long cancelledPlaces,
            long cancelledNetFen,
            long owedNetFen) {}

    /** The settlement with its partner section: what the park owes each package partner (see {@code packages/}). */
    public record Settlement(Instant from, Instant to, List<SettlementLine> lines, List<PartnerLine> partners) {}

    /** The settlement's partner section for [from, to): none until packages set it at composition. */
    private volatile java.util.function.BiFunction<Instant, Instant, List<PartnerLine>> partnerLines =
            (f, t) -> List.of();

    /** Most shifts one report lists. */
    static final int MAX_SHIFTS = 5000;

    private final Database db;
    private final ReportStore store;
    private final Shifts shifts;
    private final Cashiers cashiers;
    private final ZoneId zone;
    private final Clock clock;

    Reports(Database db, ReportStore store, Shifts shifts, Cashiers cashiers, ZoneId zone, Clock clock) {
        this.db = db;
        this.store = store;
        this.shifts = shifts;
        this.cashiers = cashiers;
        this.zone = zone;
        this.clock = clock;
    }

    /** The period of a query (see {@link Period#parse}). */
    public Period period(String from, String to) {
        return Period.parse(from, to, zone, clock);
    }

    public Report<SalesLine> sales(Period p) {
        return db.read(c -> {
            Map<String, ChannelName> channels = store.channels(c);
            Map<String, String> products = store.products(c);
            Map<String, long[]> sums = new TreeMap<>();
            Map<String, Movement> firsts = new TreeMap<>();
            for (Movement m : store.movements(c, p.from(), p.to())) {
                String key = p.day(m.at()) + "|" + m.productId() + "|" + m.channelId() + "|" + m.currency();
                firsts.putIfAbsent(key, m);
                add(sums.computeIfAbsent(key, k -> new long[7]), m);
            }
            List<SalesLine> lines = new ArrayList<>();
            sums.forEach((key, s) -> {
                Movement m = firsts.get(key);
                lines.add(new SalesLine(
                        p.day(m.at()),
                        m.productId(),
                        products.getOrDefault(m.productId(), m.productId()),
                        m.channelId(),
                        name(channels, m.channelId()).name(),
                        m.currency(),
                        s[0],
                        s[1],
                        s[2],
                        s[3],
                        s[4],
                        s[5],
                        s[6]));
            });
            return new Report<>(p.from(), p.to(), lines);
        });
    }

    public Report<RedemptionLine> redemptions(Period p) {
        return db.read(c -> {
            Map<String, ChannelName> channels = store.channels(c);
            Map<String, String> products = store.products(c);
            Map<String, long[]> sums = new TreeMap<>();
            Map<String, Redemption> firsts = new TreeMap<>();
            for (Redemption r : store.redemptions(c, p.from(), p.to())) {
                String key = p.day(r.at()) + "|" + r.productId() + "|" + r.channelId();
                firsts.putIfAbsent(key, r);
                long[] s = sums.computeIfAbsent(key, k -> new long[2]);
                s[0]++;
                s[1] += r.persons();
            }
            List<RedemptionLine> lines = new ArrayList<>();
            sums.forEach((key, s) -> {
                Redemption r = firsts.get(key);
                lines.add(new RedemptionLine(
                        p.day(r.at()),
                        r.productId(),
                        products.getOrDefault(r.productId(), r.productId()),
                        r.channelId(),
                        name(channels, r.channelId()).name(),
                        s[0],
                        s[1]));
            });
            return new Report<>(p.from(), p.to(), lines);
        });
    }

    public Report<SettlementLine> settlement(Period p) {
        return db.read(c -> {
            Map<String, ChannelName> channels = store.channels(c);
            Map<String, long[]> sums = new TreeMap<>();
            for (Movement m : store.movements(c, p.from(), p.to())) {
                add(sums.computeIfAbsent(m.channelId() + "|" + m.currency(), k -> new long[7]), m);
            }
            List<SettlementLine> lines = new ArrayList<>();
            sums.forEach((key, s) -> {
                String id = key.substring(0, key.lastIndexOf('|'));
                ChannelName ch = name(channels, id);
                lines.add(new SettlementLine(
                        id,
                        ch.name(),
                        ch.kind(),
                        key.substring(key.lastIndexOf('|') + 1),
                        s[0],
                        s[1],
                        s[3],
                        s[4],
                        s[6],
                        s[3] - s[6],
                        s[2],
                        s[5]));
            });
            return new Report<>(p.from(), p.to(), lines);
        });
    }

    /** Sets the settlement's partner section (once, at composition). */
    public void partnerLines(java.util.function.BiFunction<Instant, Instant, List<PartnerLine>> lines) {
        partnerLines = lines;
    }

    /** The settlement per channel (unchanged) and what the park owes its package partners for the same period. */
    public Settlement settlementWithPartners(Period p) {
        return new Settlement(p.from(), p.to(), settlement(p).lines(), partnerLines.apply(p.from(), p.to()));
    }

    /** The settlement's partner section alone (the exports' second table). */
    public Report<PartnerLine> partners(Period p) {
        return new Report<>(p.from(), p.to(), partnerLines.apply(p.from(), p.to()));
    }

    /** The shifts opened in the period and closed, oldest first. */
    public Report<ShiftClose> shiftCloses(Period p) {
        Map<String, String> names = new TreeMap<>();
        cashiers.list().forEach(x -> names.put(x.id(), x.name()));
        List<ShiftClose> lines = new ArrayList<>();
        for (CashUp.Report r : shifts.list(p.from(), p.to(), null, MAX_SHIFTS)) {
            if (!ShiftStore.CLOSED.equals(r.state())) {
                continue;
            }
            lines.add(new ShiftClose(
                    r.shiftId(),
                    r.deviceId(),
                    r.cashierId(),
                    names.getOrDefault(r.cashierId(), r.cashierId()),
                    r.openedAt(),
                    r.closedAt(),
                    r.openingFloatFen(),
                    r.sales().count(),
                    r.sales().fen(),
                    r.refunds().count(),
                    r.refunds().fen(),
                    r.expectedCashFen(),
                    r.countedCashFen() == null ? 0 : r.countedCashFen(),
                    r.differenceFen() == null ? 0 : r.differenceFen(),
                    Boolean.TRUE.equals(r.balanced())));
        }
        return new Report<>(p.from(), p.to(), lines);
    }

    /** s: sold bookings, places, retail, net; refunded places, retail, net. */
    private static void add(long[] s, Movement m) {
        int at = m.refund() ? 4 : 1;
        if (!m.refund()) {
            s[0]++;
        }
        s[at] += m.places();
        s[at + 1] += m.retailFen();
        s[at + 2] += m.netFen();
    }

    private static ChannelName name(Map<String, ChannelName> channels, String id) {
        return channels.getOrDefault(id, new ChannelName(id, ""));
    }
}
