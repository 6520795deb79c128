package io.scenicpass.server.service.flow;

import io.scenicpass.server.service.PushHub;
import io.scenicpass.server.store.AlertStore;
import io.scenicpass.server.store.Database;
import io.scenicpass.server.store.EntryStore;
import io.scenicpass.server.store.FlowStore;
import io.scenicpass.server.store.InventoryStore;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow side wired in one place: {@code new FlowModule(db, clock, config)}, then optionally
 * {@link #pushTo(PushHub)} and {@link #start(ScheduledExecutorService)} for the scheduled alert evaluation.
 */
public final class FlowModule {
  private static final Logger LOG = LoggerFactory.getLogger(FlowModule.class);

  public final FlowService flow;
  public final ForecastService forecast;
  public final AlertService alerts;
  public final QuotaAdvisor quotas;
  public final FlowConfig config;

  /** Alert notifications only to public addresses ({@link io.scenicpass.server.service.WebhookTargets}). */
  public FlowModule(Database db, Clock clock, FlowConfig config) {
    this(db, clock, config, io.scenicpass.server.service.WebhookTargets.publicOnly());
  }

  public FlowModule(Database db, Clock clock, FlowConfig config, io.scenicpass.server.service.WebhookTargets targets) {
    this.config = config;
    FlowStore store = new FlowStore();
    flow = new FlowService(db, store, new EntryStore(), clock, config);
    forecast = new ForecastService(db, store, flow, clock, config);
    alerts = new AlertService(db, new AlertStore(), flow, forecast, clock, config, targets);
    quotas = new QuotaAdvisor(db, new InventoryStore(), store, flow, forecast, clock, config);
  }

  /** Alerts also go to the terminals through this hub. */
  public FlowModule pushTo(PushHub hub) {
    alerts.pushTo(hub);
    return this;
  }

  /** Schedules the alert job (lease-guarded, so safe on every node) on the caller's executor. */
  public void start(ScheduledExecutorService jobs) {
    long every = Math.max(1, config.alertInterval().toMillis());
    jobs.scheduleWithFixedDelay(() -> {
      try {
        alerts.runScheduled();
      } catch (RuntimeException e) {
        LOG.warn("alert evaluation failed; will retry", e);
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }
}
