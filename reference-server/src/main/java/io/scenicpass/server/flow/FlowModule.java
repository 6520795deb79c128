package io.scenicpass.server.flow;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.channels.WebhookTargets;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.flow.http.DashboardApi;
import io.scenicpass.server.flow.store.AlertStore;
import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.terminal.PushHub;
import io.scenicpass.server.terminal.store.TelemetryStore;
import java.time.Clock;

/**
 * The flow side wired in one place: {@code new FlowModule(db, clock, config)}, then optionally
 * {@link #pushTo(PushHub)} and {@link #jobs(Jobs)} for the scheduled alert evaluation.
 */
public final class FlowModule {
    public final FlowService flow;
    public final ForecastService forecast;
    public final AlertService alerts;
    public final QuotaAdvisor quotas;
    public final FlowConfig config;

    /** Alert notifications only to public addresses ({@link WebhookTargets}). */
    public FlowModule(Database db, Clock clock, FlowConfig config) {
        this(db, clock, config, WebhookTargets.publicOnly());
    }

    public FlowModule(Database db, Clock clock, FlowConfig config, WebhookTargets targets) {
        this.config = config;
        FlowStore store = new FlowStore();
        flow = new FlowService(db, store, new TelemetryStore(), clock, config);
        forecast = new ForecastService(db, store, flow, clock, config);
        alerts = new AlertService(db, new AlertStore(), flow, forecast, clock, config, targets);
        quotas = new QuotaAdvisor(db, new InventoryStore(), store, flow, forecast, clock, config);
    }

    /** Alerts also go to the terminals through this hub. */
    public FlowModule pushTo(PushHub hub) {
        alerts.pushTo(hub);
        return this;
    }

    /** The alert job: evaluated and notified by one node at a time, under a lease. */
    public void jobs(Jobs jobs) {
        jobs.singleton("flow-alerts", "alert evaluations", config.alertInterval(), () -> {
            alerts.evaluate();
            alerts.deliverNotifications();
        });
    }

    /** The flow's gauges and the operator dashboard ({@code /dashboard}). */
    public DashboardApi dashboard(Platform p, AdminService admin) {
        p.metrics().gauge("scenicpass.alerts.active", "capacity alerts currently raised", alerts::activeCount);
        return new DashboardApi(admin, this);
    }
}
