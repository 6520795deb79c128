package io.scenicpass.server.invoices;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.counter.CounterModule;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.invoices.http.CounterInvoiceApi;
import io.scenicpass.server.invoices.http.InvoicePage;
import io.scenicpass.server.invoices.http.InvoicesAdminApi;
import io.scenicpass.server.invoices.internal.CjkFont;
import io.scenicpass.server.invoices.internal.DemoInvoiceProvider;
import io.scenicpass.server.invoices.store.InvoiceStore;
import io.scenicpass.server.mail.SmtpMailer;
import io.scenicpass.server.sales.store.BookingStore;
import java.time.Duration;
import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invoices: the provider (one found by {@link ServiceLoader} on the class path, else the demo PDF provider when a
 * Chinese TrueType font is there), the service, the receipt links, the visitor's page, the admin API, the mail and
 * retention jobs.
 */
public final class InvoicesModule {
    private static final Logger LOG = LoggerFactory.getLogger(InvoicesModule.class);

    public final InvoiceService invoices;
    public final InvoiceLinks links;
    public final InvoiceSettings settings;
    private final Platform platform;

    /** {@code baseUrl}: the server's address as visitors reach it (the receipt links). */
    public InvoicesModule(Platform p, IdentityKeys keys, Supplier<String> baseUrl) {
        platform = p;
        settings = InvoiceSettings.of(p.config().invoices);
        BookingStore bookings = new BookingStore(p.db().dialect());
        InvoiceProvider provider = provider(settings);
        SmtpMailer mailer = null;
        if (settings.mailOn()) {
            mailer = new SmtpMailer(settings.mail(), p.clock());
            LOG.info(
                    "invoice mail: through {}:{} from {}",
                    settings.mail().host(),
                    settings.mail().port(),
                    settings.mail().from());
        } else {
            LOG.info("invoice mail is off (mail.host is not set): buyers download their invoice from the receipt link");
        }
        invoices = new InvoiceService(
                p.db(),
                new InvoiceStore(),
                bookings,
                keys,
                provider,
                "invoices are unavailable: no Chinese TrueType font for the PDF (install fonts-wqy-microhei or set"
                        + " invoices.font)",
                mailer,
                settings,
                p.config().areaName,
                p.clock(),
                p.ids());
        links = new InvoiceLinks(p.db(), bookings, keys, baseUrl, settings.linkDays(), p.clock());
    }

    public InvoicesAdminApi api(AdminService admin) {
        return new InvoicesAdminApi(admin, invoices);
    }

    /** The kiosk's and box office's {@code POST /terminal/v1/counter/sales/{saleId}/invoice}. */
    public CounterInvoiceApi counterApi(CounterModule counter) {
        return new CounterInvoiceApi(counter.auth, counter.sales, invoices, links);
    }

    public InvoicePage page() {
        return new InvoicePage(
                invoices, links, platform.db(), new BookingStore(platform.db().dialect()));
    }

    /** Mail retries every job interval, retention erasure hourly; one node at a time. */
    public void jobs(Jobs jobs) {
        jobs.singleton(
                "invoice-mail",
                "invoice mail runs",
                Duration.ofMillis(Math.max(1, platform.config().jobInterval.toMillis())),
                invoices::mailDue);
        jobs.singleton("invoice-retention", "invoice retention runs", Duration.ofHours(1), invoices::eraseExpired);
    }

    private static InvoiceProvider provider(InvoiceSettings s) {
        Iterator<InvoiceProvider> found =
                ServiceLoader.load(InvoiceProvider.class).iterator();
        if (found.hasNext()) {
            InvoiceProvider p = found.next();
            LOG.info("invoices: issued by the provider {}", p.name());
            return p;
        }
        return CjkFont.find(s.font())
                .<InvoiceProvider>map(f -> {
                    LOG.info("invoices: the demo provider renders PDFs with the font {}", f.file());
                    return new DemoInvoiceProvider(f);
                })
                .orElseGet(() -> {
                    LOG.warn(
                            "invoices are OFF: no Chinese TrueType font found ({}); install fonts-wqy-microhei or set"
                                    + " invoices.font",
                            CjkFont.CANDIDATES);
                    return null;
                });
    }
}
