package io.scenicpass.server.reports;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.counter.boxoffice.BoxOfficeModule;
import io.scenicpass.server.flow.FlowConfig;
import io.scenicpass.server.reports.http.ReportsApi;
import io.scenicpass.server.reports.store.ReportStore;

/** The operators' reports (sales, redemptions, settlement, shift closes) and their admin API. */
public final class ReportsModule {
    public final Reports reports;
    public final ReportsApi api;

    public ReportsModule(Platform p, BoxOfficeModule boxOffice, AdminService admin) {
        reports = new Reports(
                p.db(),
                new ReportStore(),
                boxOffice.shifts,
                boxOffice.cashiers,
                FlowConfig.of(p.config().flow).zone(),
                p.clock());
        api = new ReportsApi(admin, reports);
    }
}
