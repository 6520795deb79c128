package io.scenicpass.server.reports;

import static io.scenicpass.server.reports.Table.count;
import static io.scenicpass.server.reports.Table.day;
import static io.scenicpass.server.reports.Table.money;
import static io.scenicpass.server.reports.Table.text;
import static io.scenicpass.server.reports.Table.time;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.reports.Reports.PartnerLine;
import io.scenicpass.server.reports.Reports.RedemptionLine;
import io.scenicpass.server.reports.Reports.Report;
import io.scenicpass.server.reports.Reports.SalesLine;
import io.scenicpass.server.reports.Reports.SettlementLine;
import io.scenicpass.server.reports.Reports.ShiftClose;
import java.time.ZoneId;
import java.util.List;

/** The reports by name, and as tables for CSV and XLSX: which columns, in which order. */
public final class ReportTables {
    /** The reports there are, by the name in their URL. */
    public static final List<String> NAMES = List.of("sales", "redemptions", "settlement", "shifts");

    private ReportTables() {}

    /** Report {@code name} of the period: NOT_FOUND for a name not in {@link #NAMES}. */
    public static Report<?> report(Reports reports, String name, Period p) {
        return switch (known(name)) {
            case "sales" -> reports.sales(p);
            case "redemptions" -> reports.redemptions(p);
            case "settlement" -> reports.settlement(p);
            default -> reports.shiftCloses(p);
        };
    }

    /** Report {@code name} of the period as a table. */
    @SuppressWarnings("unchecked")
    public static Table table(Reports reports, String name, Period p) {
        Report<?> r = report(reports, name, p);
        return switch (name) {
            case "sales" -> sales((Report<SalesLine>) r, p.zone());
            case "redemptions" -> redemptions((Report<RedemptionLine>) r, p.zone());
            case "settlement" -> settlement((Report<SettlementLine>) r, p.zone());
            default -> shiftCloses((Report<ShiftClose>) r, p.zone());
        };
    }

    /**
     * Report {@code name} of the period as the tables an export holds: the settlement's partner section (what the
     * park owes each package partner) is a second table after the channels'; the other reports are one table.
     */
    public static List<Table> tables(Reports reports, String name, Period p) {
        Table first = table(reports, name, p);
        return name.equals("settlement") ? List.of(first, partners(reports.partners(p), p.zone())) : List.of(first);
    }

    private static String known(String name) {
        if (!NAMES.contains(name)) {
            throw new ServiceException(Problem.NOT_FOUND, "no report " + name + "; there are " + NAMES, name);
        }
        return name;
    }

    public static Table sales(Report<SalesLine> r, ZoneId zone) {
        return Table.of(
                "sales",
                r.lines(),
                zone,
                List.of(
                        day("day", SalesLine::day),
                        text("product_id", SalesLine::productId),
                        text("product", SalesLine::productName),
                        text("channel_id", SalesLine::channelId),
                        text("channel", SalesLine::channelName),
                        text("currency", SalesLine::currency),
                        count("sold_bookings", SalesLine::soldBookings),
                        count("sold_places", SalesLine::soldPlaces),
                        money("sold_retail", SalesLine::soldRetailFen),
                        money("sold_net", SalesLine::soldNetFen),
                        count("refunded_places", SalesLine::refundedPlaces),
                        money("refunded_retail", SalesLine::refundedRetailFen),
                        money("refunded_net", SalesLine::refundedNetFen)));
    }

    public static Table redemptions(Report<RedemptionLine> r, ZoneId zone) {
        return Table.of(
                "redemptions",
                r.lines(),
                zone,
                List.of(
                        day("day", RedemptionLine::day),
                        text("product_id", RedemptionLine::productId),
                        text("product", RedemptionLine::productName),
                        text("channel_id", RedemptionLine::channelId),
                        text("channel", RedemptionLine::channelName),
                        count("passes", RedemptionLine::passes),
                        count("persons", RedemptionLine::persons)));
    }

    public static Table settlement(Report<SettlementLine> r, ZoneId zone) {
        return Table.of(
                "settlement",
                r.lines(),
                zone,
                List.of(
                        text("channel_id", SettlementLine::channelId),
                        text("channel", SettlementLine::channelName),
                        text("kind", SettlementLine::kind),
                        text("currency", SettlementLine::currency),
                        count("sold_bookings", SettlementLine::soldBookings),
                        count("sold_places", SettlementLine::soldPlaces),
                        money("sold_net", SettlementLine::soldNetFen),
                        count("refunded_places", SettlementLine::refundedPlaces),
                        money("refunded_net", SettlementLine::refundedNetFen),
                        money("owed_net", SettlementLine::owedNetFen),
                        money("sold_retail", SettlementLine::soldRetailFen),
                        money("refunded_retail", SettlementLine::refundedRetailFen)));
    }

    /** Per package partner and currency: parts sold, places cancelled, and the net the park owes. */
    public static Table partners(Report<PartnerLine> r, ZoneId zone) {
        return Table.of(
                "partners",
                r.lines(),
                zone,
                List.of(
                        text("partner_id", PartnerLine::partnerId),
                        text("partner", PartnerLine::partnerName),
                        text("currency", PartnerLine::currency),
                        count("sold_parts", PartnerLine::soldParts),
                        count("sold_places", PartnerLine::soldPlaces),
                        money("sold_net", PartnerLine::soldNetFen),
                        count("cancelled_places", PartnerLine::cancelledPlaces),
                        money("cancelled_net", PartnerLine::cancelledNetFen),
                        money("owed_net", PartnerLine::owedNetFen)));
    }

    public static Table shiftCloses(Report<ShiftClose> r, ZoneId zone) {
        return Table.of(
                "shifts",
                r.lines(),
                zone,
                List.of(
                        text("shift_id", ShiftClose::shiftId),
                        text("device_id", ShiftClose::deviceId),
                        text("cashier", ShiftClose::cashierName),
                        time("opened_at", ShiftClose::openedAt),
                        time("closed_at", ShiftClose::closedAt),
                        money("opening_float", ShiftClose::openingFloatFen),
                        count("sales", ShiftClose::salesCount),
                        money("sales_amount", ShiftClose::salesFen),
                        count("refunds", ShiftClose::refundsCount),
                        money("refunds_amount", ShiftClose::refundsFen),
                        money("expected_cash", ShiftClose::expectedCashFen),
                        money("counted_cash", ShiftClose::countedCashFen),
                        money("difference", ShiftClose::differenceFen),
                        text("balanced", ShiftClose::balanced)));
    }
}
