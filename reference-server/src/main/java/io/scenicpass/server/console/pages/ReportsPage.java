package io.scenicpass.server.console.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.reports.Export;
import io.scenicpass.server.reports.Period;
import io.scenicpass.server.reports.ReportTables;
import io.scenicpass.server.reports.Reports;
import io.scenicpass.server.reports.Table;
import io.scenicpass.server.reports.http.ReportsApi;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.Pages;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/reports}: a report of a period as a table (sales, redemptions, shift closes: REPORTS_READ;
 * settlement: SETTLEMENT_READ) and {@code /console/reports/export} its CSV or XLSX download with translated headings.
 */
public final class ReportsPage {
    /** The page: the report shown, the ones the operator may open, the period as typed, the table or an error. */
    public record Model(
            String report,
            List<String> reports,
            String from,
            String to,
            List<String> headings,
            List<List<String>> rows,
            List<Boolean> numeric,
            String errorCode,
            String error) {
        /** The query of this report and period, for the export links. */
        public String query() {
            return "report=" + report + "&from=" + from + "&to=" + to;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConsolePages pages;
    private final Reports reports;

    ReportsPage(ConsolePages pages, Reports reports) {
        this.pages = pages;
        this.reports = reports;
    }

    void register(RoutesConfig r) {
        r.get("/console/reports", this::show);
        r.get("/console/reports/export", this::export);
    }

    private void show(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.REPORTS_READ);
        String name = name(ctx);
        pages.requireRight(ctx, right(name));
        PageFrame f = pages.frame(ctx, "reports.title", PagesModule.TEXTS);
        List<String> allowed =
                ReportTables.NAMES.stream().filter(n -> p.has(right(n))).toList();
        String from = value(ctx, "from");
        String to = value(ctx, "to");
        Period period;
        try {
            period = reports.period(from, to);
        } catch (ServiceException e) {
            Pages.render(
                    ctx,
                    400,
                    "console/pages/reports.jte",
                    f,
                    new Model(name, allowed, from, to, List.of(), List.of(), List.of(), "PERIOD", e.getMessage()));
            return;
        }
        Table t = ReportTables.table(reports, name, period);
        List<String> headings = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (Table.Column c : t.columns()) {
            headings.add(f.t().get("col." + c.key()));
            numeric.add(c.kind() == Table.Kind.COUNT || c.kind() == Table.Kind.MONEY);
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(cell(t, t.columns().get(i).kind(), row.get(i)));
            }
            rows.add(cells);
        }
        Pages.render(
                ctx,
                200,
                "console/pages/reports.jte",
                f,
                new Model(
                        name,
                        allowed,
                        period.firstDay().toString(),
                        period.lastDay().toString(),
                        headings,
                        rows,
                        numeric,
                        null,
                        null));
    }

    private void export(Context ctx) {
        pages.requireRight(ctx, Right.REPORTS_READ);
        String name = name(ctx);
        pages.requireRight(ctx, right(name));
        String format = "xlsx".equals(ctx.queryParam("format")) ? "xlsx" : "csv";
        PageFrame f = pages.frame(ctx, "reports.title", PagesModule.TEXTS);
        Period period = reports.period(ctx.queryParam("from"), ctx.queryParam("to"));
        ReportsApi.download(
                ctx, ReportTables.tables(reports, name, period), period, format, k -> f.t().get("col." + k));
    }

    /** Settlement is money owed by channels: its own right, like its API. */
    private static Right right(String name) {
        return name.equals("settlement") ? Right.SETTLEMENT_READ : Right.REPORTS_READ;
    }

    private static String name(Context ctx) {
        String n = ctx.queryParam("report");
        return n != null && ReportTables.NAMES.contains(n) ? n : "sales";
    }

    private static String value(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.trim();
    }

    private static String cell(Table t, Table.Kind kind, Object v) {
        if (v == null) {
            return "";
        }
        return switch (kind) {
            case MONEY -> Export.yuan(((Number) v).longValue()).toPlainString();
            case TIME -> TIME.format(((java.time.Instant) v).atZone(t.zone()));
            default -> v.toString();
        };
    }
}
