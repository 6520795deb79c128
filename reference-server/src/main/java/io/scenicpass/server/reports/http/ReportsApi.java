package io.scenicpass.server.reports.http;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.reports.Export;
import io.scenicpass.server.reports.Period;
import io.scenicpass.server.reports.ReportTables;
import io.scenicpass.server.reports.Reports;
import io.scenicpass.server.reports.Table;
import java.util.function.Function;

/**
 * {@code GET /admin/v1/reports/{sales|redemptions|shifts}} and {@code GET /admin/v1/settlement}
 * {@code ?from=&to=&format=json|csv|xlsx} (admin token or an operator's right): the period's report as JSON, or
 * exported as CSV or an XLSX workbook (a download named after report and period).
 */
public final class ReportsApi {
    private final AdminService admin;
    private final Reports reports;

    public ReportsApi(AdminService admin, Reports reports) {
        this.admin = admin;
        this.reports = reports;
    }

    public void register(RoutesConfig r) {
        for (String name : ReportTables.NAMES) {
            // settlement is money owed: its own path, so it needs its own right (console RouteRights)
            String path = name.equals("settlement") ? "/admin/v1/settlement" : "/admin/v1/reports/" + name;
            r.get(path, AdminApi.authenticated(admin, ctx -> answer(ctx, name)));
        }
    }

    private void answer(io.javalin.http.Context ctx, String name) {
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!format.equals("json") && !format.equals("csv") && !format.equals("xlsx")) {
            throw new ServiceException(Problem.BAD_REQUEST, "format must be json, csv or xlsx", format);
        }
        Period p = reports.period(ctx.queryParam("from"), ctx.queryParam("to"));
        if (format.equals("json")) {
            ctx.json(
                    name.equals("settlement")
                            ? reports.settlementWithPartners(p)
                            : ReportTables.report(reports, name, p));
            return;
        }
        download(ctx, ReportTables.tables(reports, name, p), p, format, Function.identity());
    }

    /**
     * Answers {@code tables} (the report's, then any section such as the settlement's partners) as a CSV or XLSX
     * attachment named {@code <report>-<first day>_<last day>.<format>}.
     */
    public static void download(
            io.javalin.http.Context ctx,
            java.util.List<Table> tables,
            Period p,
            String format,
            Function<String, String> heading) {
        Table t = tables.get(0);
        boolean csv = format.equals("csv");
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"" + t.name() + "-" + p.firstDay() + "_" + p.lastDay() + "." + format + "\"");
        ctx.contentType(csv ? Export.CSV : Export.XLSX);
        ctx.result(csv ? Export.csv(tables, heading) : Export.xlsx(tables, heading));
    }
}
