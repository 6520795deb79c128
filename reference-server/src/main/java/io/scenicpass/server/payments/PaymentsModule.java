package io.scenicpass.server.payments;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.payments.http.PaymentsApi;
import io.scenicpass.server.payments.internal.SimulatedProvider;
import io.scenicpass.server.payments.store.PaymentStore;
import io.scenicpass.server.payments.wechat.WeChatPayProvider;
import java.time.Duration;

/** Payments: the providers (simulated, WeChat Pay v3 once configured), the service, the reconciler, the API. */
public final class PaymentsModule {
    /** How long a payment may stay unpaid before the reconciler closes it at the provider. */
    public static final Duration EXPIRY = Duration.ofMinutes(15);
    /** How long an open payment rests between two queries of the reconciler. */
    public static final Duration RECHECK = Duration.ofMinutes(1);
    /** How long a WeChat Pay call may take before its outcome counts as unknown. */
    public static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(10);

    public final PaymentService payments;
    public final PaymentReconciler reconciler;
    /** The simulated provider (always there; takes new payments until WeChat Pay is configured). */
    public final SimulatedProvider simulated;

    private final Platform platform;
    private final PaymentProviders providers;
    private final PaymentSettings settings;

    public PaymentsModule(Platform p) {
        platform = p;
        simulated = new SimulatedProvider(p.clock(), p.random());
        providers = new PaymentProviders(simulated);
        settings = new PaymentSettings(p.config().keysDir());
        apply(settings.stored());
        PaymentStore store = new PaymentStore();
        payments = new PaymentService(p.db(), store, providers, p.clock(), p.ids(), EXPIRY);
        reconciler = new PaymentReconciler(p.db(), store, payments, providers, p.clock(), RECHECK);
    }

    /** Stores new provider settings and puts them in effect for new payments. */
    public PaymentSettings.View configure(PaymentSettings.Stored update) {
        apply(settings.update(update));
        return settings.view();
    }

    public PaymentSettings.View settings() {
        return settings.view();
    }

    public PaymentsApi api(AdminService admin) {
        return new PaymentsApi(admin, this);
    }

    /** The reconciler: one node at a time, every job interval (each payment is queried at most every RECHECK). */
    public void jobs(Jobs jobs) {
        jobs.singleton(
                "payment-reconciler",
                "payment reconciler runs",
                Duration.ofMillis(Math.max(1, platform.config().jobInterval.toMillis())),
                reconciler::run);
    }

    private void apply(PaymentSettings.Stored s) {
        if (s.wechat() != null) {
            providers.put(
                    new WeChatPayProvider(s.wechat().config(), platform.clock(), platform.random(), PROVIDER_TIMEOUT),
                    false);
        }
        providers.use(s.provider());
    }
}
