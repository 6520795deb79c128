package io.scenicpass.server.measures;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.flow.FlowConfig;
import io.scenicpass.server.measures.http.MeasuresApi;
import io.scenicpass.server.measures.store.MeasureStore;
import io.scenicpass.server.visitors.segments.SegmentService;

/** The measures of the visitor facts ({@link Measures}), their admin API and the dashboard's section. */
public final class MeasuresModule {
    public final Measures measures;
    public final MeasuresApi api;

    public MeasuresModule(Platform p, AdminService admin, SegmentService segments) {
        measures = new Measures(
                p.db(),
                new MeasureStore(),
                segments,
                FlowConfig.of(p.config().flow).zone(),
                p.clock());
        api = new MeasuresApi(admin, measures);
    }

    /** The rollup refreshed in the background for the dashboard's card, on one node at a time. */
    public void jobs(Jobs jobs) {
        jobs.singleton(
                "measures-refresh",
                "measures: rollup for the dashboard",
                Measures.DASHBOARD_AGE,
                measures::refreshForDashboard);
    }
}
