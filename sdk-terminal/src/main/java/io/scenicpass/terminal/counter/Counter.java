package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.terminal.device.PrintResult;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.TicketPrinter;
import io.scenicpass.terminal.internal.sync.ConnectivityMonitor;
import io.scenicpass.terminal.internal.sync.TerminalApi;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.ServerClock;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's (and box office's) client of the counter API, with its ticket printer. A sale goes
 * {@link #catalogue(LocalDate)} → {@link #sell(SaleOrder)} → {@link #payByCode} or {@link #payNative} →
 * {@link #awaitPayment} (polls with backoff until the payment has an outcome) → {@link #print(Sale)}; a visitor who
 * walks away is {@link #cancel}led. Server refusals are {@link SyncException}s carrying the server's code
 * ({@code serverCode()}: {@code NOT_A_SELLER}, {@code SOLD_OUT} …). Thread-safe.
 *
 * <pre>{@code
 * Counter counter = Counter.builder().credentials(creds).printer(printer).header("西湖景区 West Lake").build();
 * Sale sale = counter.sell(SaleOrder.builder(productId, slotId).item("adult", Holder.fromIdCard(card)).build());
 * sale = counter.awaitPayment(counter.payByCode(sale.saleId(), scannedCode).saleId(), Duration.ofSeconds(60));
 * if (sale.paid()) counter.print(sale); else counter.cancel(sale.saleId());
 * }</pre>
 */
public final class Counter {
    private static final Logger LOG = LoggerFactory.getLogger(Counter.class);

    /** Waits between two polls; tests pass one that advances their clock instead of sleeping. */
    public interface Pause {
        /** @param d how long to wait @throws InterruptedException when interrupted */
        void pause(Duration d) throws InterruptedException;
    }

    private final DeviceCredentials credentials;
    private final TerminalApi api;
    private final TicketPrinter printer;
    private final SaleTickets paper;
    private final Clock clock;
    private final Pause pause;
    private final Duration pollFirst;
    private final Duration pollMax;
    private final Duration paymentTimeout;
    private final PendingPrints pending;

    private Counter(Builder b) {
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        this.printer = Objects.requireNonNull(b.printer, "printer");
        this.clock = b.clock;
        this.pause = b.pause;
        this.pollFirst = b.pollFirst;
        this.pollMax = b.pollMax;
        this.paymentTimeout = b.paymentTimeout;
        this.paper = new SaleTickets(b.header, b.zone);
        this.pending = new PendingPrints(b.pendingFile);
        OkHttpClient http = b.http != null
                ? b.http
                : new OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .readTimeout(Duration.ofSeconds(15))
                        .build();
        ConnectivityMonitor monitor = new ConnectivityMonitor(1, Duration.ofSeconds(15), (a, c) -> {});
        this.api = new TerminalApi(
                http, credentials.serverUrl(), credentials.deviceToken(), clock, ServerClock.IGNORE, monitor);
    }

    /** @return a builder; {@link Builder#credentials} and {@link Builder#printer} are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return this device's id */
    public String deviceId() {
        return credentials.deviceId();
    }

    /** @return what is on sale today (the park's day, as the server counts it) */
    public CatalogueDay catalogue() {
        return CounterWire.catalogue(api.get(api.url("counter/catalogue").build(), JsonNode.class));
    }

    /** @param date the visit day @return what is on sale that day */
    public CatalogueDay catalogue(LocalDate date) {
        HttpUrl url = api.url("counter/catalogue")
                .addQueryParameter("date", date.toString())
                .build();
        return CounterWire.catalogue(api.get(url, JsonNode.class));
    }

    /**
     * Books the order (places held until paid or expired). Safe to retry with the same order: the server returns the
     * same sale for the same {@link SaleOrder#saleId()}.
     *
     * @param order what the visitor chose
     * @return the sale, AWAITING_PAYMENT
     * @throws SyncException REJECTED with the server's code (sold out, a document refused …), NETWORK, SERVER
     */
    public Sale sell(SaleOrder order) {
        return CounterWire.sale(
                api.post(api.url("counter/sales").build(), CounterWire.order(order), false, JsonNode.class, null));
    }

    /** @param saleId one of this device's sales @return its current state */
    public Sale sale(String saleId) {
        return CounterWire.sale(api.get(saleUrl(saleId, null), JsonNode.class));
    }

    /**
     * Pays with the visitor's payment code (scanned from the phone). The provider may answer at once (PAID,
     * DECLINED) or later: then {@link #awaitPayment} the outcome.
     */
    public Sale payByCode(String saleId, String paymentCode) {
        ObjectNode body = CounterWire.JSON.createObjectNode().put("method", PaymentMethod.CODE.name());
        body.put("paymentCode", Objects.requireNonNull(paymentCode, "paymentCode"));
        return pay(saleId, body);
    }

    /** Starts a QR payment: show {@code sale.payment().codeUrl()} to the visitor, then {@link #awaitPayment}. */
    public Sale payNative(String saleId) {
        return pay(saleId, CounterWire.JSON.createObjectNode().put("method", PaymentMethod.NATIVE.name()));
    }

    /** Cash at a box office (a kiosk is refused with {@code BOX_OFFICE_ONLY}). */
    public Sale payCash(String saleId, long tenderedFen) {
        return pay(
                saleId,
                CounterWire.JSON
                        .createObjectNode()
                        .put("method", PaymentMethod.CASH.name())
                        .put("tenderedFen", tenderedFen));
    }

    /**
     * Polls the sale, with growing pauses, until it leaves AWAITING_PAYMENT or {@code timeout} passed on the clock.
     * A network failure while waiting is retried (the payment goes on at the server). The caller that gives up on
     * a sale still AWAITING_PAYMENT {@link #cancel}s it.
     *
     * @param saleId the sale
     * @param timeout how long to wait at most
     * @return the sale as last seen (PAID, DECLINED … or still AWAITING_PAYMENT after the timeout)
     * @throws SyncException when the last poll failed and there never was an answer
     */
    public Sale awaitPayment(String saleId, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        Duration delay = pollFirst;
        Sale last = null;
        while (true) {
            try {
                last = sale(saleId);
                if (last.state() != Sale.State.AWAITING_PAYMENT) {
                    return last;
                }
            } catch (SyncException e) {
                if (e.code() != SyncErrorCode.NETWORK && e.code() != SyncErrorCode.SERVER) {
                    throw e;
                }
                LOG.debug("polling sale {}: {}", saleId, e.getMessage());
                if (!clock.instant().isBefore(deadline) && last == null) {
                    throw e;
                }
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return last;
            }
            try {
                pause.pause(delay.compareTo(left) < 0 ? delay : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last != null ? last : sale(saleId);
            }
            delay = delay.multipliedBy(2).compareTo(pollMax) > 0 ? pollMax : delay.multipliedBy(2);
        }
    }

    /** {@link #awaitPayment(String, Duration)} with the builder's payment timeout. */
    public Sale awaitPayment(String saleId) {
        return awaitPayment(saleId, paymentTimeout);
    }

    /**
     * Gives the sale up: the places are released and a payment still in flight is refunded by the server when it
     * succeeds later. A sale already paid stays paid (the answer says so: print it).
     */
    public Sale cancel(String saleId) {
        return CounterWire.sale(
                api.post(saleUrl(saleId, "cancel"), CounterWire.JSON.createObjectNode(), false, JsonNode.class, null));
    }

    /**
     * Prints the tickets and the receipt of a paid sale, once: a sale already printed (or queued) adds nothing. What
     * the printer could not print (paper out, cover open) stays queued for {@link #printPending()}.
     *
     * @param sale a PAID sale
     * @return what this round printed and what still waits
     * @throws IllegalArgumentException when the sale is not paid
     */
    public PrintReport print(Sale sale) {
        if (!sale.paid()) {
            throw new IllegalArgumentException("sale " + sale.saleId() + " is " + sale.state() + ", not PAID");
        }
        List<TicketLayout> layouts = paper.all(sale);
        synchronized (pending) {
            pending.enqueue(sale.saleId(), layouts);
        }
        return printPending();
    }

    /**
     * Prints what waits for the printer, oldest first, until done or the printer fails again. Paper left from before
     * a restart (with {@link Builder#pendingFile}) is laid out again from the sale as the server has it; a sale the
     * server cannot be asked for now stays pending.
     */
    public PrintReport printPending() {
        synchronized (pending) {
            for (String saleId : pending.restoredSales()) {
                try {
                    Sale sale = sale(saleId);
                    pending.enqueueRestored(saleId, sale.paid() ? paper.all(sale) : List.of());
                } catch (SyncException e) {
                    LOG.warn("pending prints of sale {} wait: {}", saleId, e.getMessage());
                }
            }
            int printed = 0;
            PendingPrints.Job job;
            while ((job = pending.peek()) != null) {
                PrintResult r = printer.print(job.layout);
                if (!r.printed()) {
                    LOG.warn("printing sale {} stopped: {}", job.saleId, r);
                    return new PrintReport(printed, pending.size(), r);
                }
                pending.printed();
                printed++;
            }
            return new PrintReport(printed, pending.size(), null);
        }
    }

    /** @return the sales with paper still waiting for the printer ("reprint pending"), oldest first */
    public List<String> pendingSales() {
        synchronized (pending) {
            return pending.sales();
        }
    }

    private Sale pay(String saleId, ObjectNode body) {
        return CounterWire.sale(api.post(saleUrl(saleId, "payment"), body, false, JsonNode.class, null));
    }

    private HttpUrl saleUrl(String saleId, String action) {
        HttpUrl.Builder b = api.url("counter/sales").addPathSegment(Objects.requireNonNull(saleId, "saleId"));
        if (action != null) {
            b.addPathSegment(action);
        }
        return b.build();
    }

    /** Builder for {@link Counter}. */
    public static final class Builder {
        private DeviceCredentials credentials;
        private TicketPrinter printer;
        private OkHttpClient http;
        private Clock clock = Clock.systemUTC();
        private Pause pause = d -> Thread.sleep(d.toMillis());
        private Duration pollFirst = Duration.ofMillis(500);
        private Duration pollMax = Duration.ofSeconds(4);
        private Duration paymentTimeout = Duration.ofSeconds(90);
        private String header = "ScenicPass";
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private Path pendingFile;

        private Builder() {}

        /**
         * @param f where the paper waiting for the printer is listed, so a restart prints it (default: memory only)
         * @return this
         */
        public Builder pendingFile(Path f) {
            this.pendingFile = Objects.requireNonNull(f, "file");
            return this;
        }

        /** @param c the credentials the device's enrollment gave (a KIOSK or BOX_OFFICE token) @return this */
        public Builder credentials(DeviceCredentials c) {
            this.credentials = Objects.requireNonNull(c, "credentials");
            return this;
        }

        /** @param p the ticket printer @return this */
        public Builder printer(TicketPrinter p) {
            this.printer = Objects.requireNonNull(p, "printer");
            return this;
        }

        /** @param h the HTTP client (default: 5 s connect, 15 s read timeouts) @return this */
        public Builder httpClient(OkHttpClient h) {
            this.http = Objects.requireNonNull(h, "http");
            return this;
        }

        /** @param c the device clock, which times the waits for a payment @return this */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @param p how to wait between two polls (default: sleep) @return this */
        public Builder pause(Pause p) {
            this.pause = Objects.requireNonNull(p, "pause");
            return this;
        }

        /** @param first the first pause between polls @param max the longest (pauses double) @return this */
        public Builder pollBackoff(Duration first, Duration max) {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("poll backoff: 0 < first <= max");
            }
            this.pollFirst = first;
            this.pollMax = max;
            return this;
        }

        /** @param t how long {@link Counter#awaitPayment(String)} waits (default 90 s) @return this */
        public Builder paymentTimeout(Duration t) {
            this.paymentTimeout = Objects.requireNonNull(t, "timeout");
            return this;
        }

        /** @param h the first line of every ticket, the park's name (default ScenicPass) @return this */
        public Builder header(String h) {
            this.header = Objects.requireNonNull(h, "header");
            return this;
        }

        /** @param z the park's time zone for printed times (default Asia/Shanghai) @return this */
        public Builder zone(ZoneId z) {
            this.zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /** @return the counter */
        public Counter build() {
            return new Counter(this);
        }
    }
}
