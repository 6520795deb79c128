package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.core.Claims;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.internal.journal.FileOps;
import io.scenicpass.terminal.internal.sync.ConnectivityMonitor;
import io.scenicpass.terminal.internal.sync.TerminalApi;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.ServerClock;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * A box office selling while the cloud is down: sells from the allotments the server reserved for this device
 * (fetched while online and kept on disk), signs the passes with the device's {@link PassSigner}, journals each sale
 * before handing out its passes, never sells more than an allotment has left ({@link OfflineErrorCode#ALLOTMENT_EXHAUSTED})
 * and syncs the unsynced sales when the cloud is back, each exactly once (the server dedupes by sale id; the device
 * marks what the server answered). Thread-safe.
 */
public final class OfflineCounter implements AutoCloseable {
    private static final ObjectMapper JSON = WireJson.mapper();
    /** Sales per sync request (the server takes at most 200). */
    static final int BATCH = 100;

    private final TerminalApi api;
    private final OfflineLedger ledger;
    private final PassSigner signer;
    private final Clock clock;
    private final Path allotmentsFile;
    private JsonNode allotments; // the server's last answer (guarded by this)

    private OfflineCounter(Builder b) throws IOException {
        this.api = new TerminalApi(
                b.http,
                b.serverUrl,
                b.deviceToken,
                b.clock,
                ServerClock.IGNORE,
                new ConnectivityMonitor(1, Duration.ofSeconds(30), (was, now) -> {}));
        this.ledger = OfflineLedger.open(b.stateDir);
        this.signer = b.signer;
        this.clock = b.clock;
        this.allotmentsFile = b.stateDir.resolve("offline-allotments.json");
        this.allotments = Files.exists(allotmentsFile)
                ? JSON.readTree(Files.readAllBytes(allotmentsFile))
                : JsonNodeFactory.instance.objectNode();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fetches this device's allotments (online) and keeps them on disk for selling offline.
     *
     * @return the allotments
     * @throws SyncException when the server cannot be reached or refuses
     */
    public List<OfflineAllotment> refreshAllotments() {
        JsonNode answer = api.get(api.url("counter/allotments").build(), JsonNode.class);
        try {
            FileOps.writeAtomically(allotmentsFile, JSON.writeValueAsBytes(answer));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the allotments in " + allotmentsFile, e);
        }
        synchronized (this) {
            allotments = answer;
        }
        return allotments();
    }

    /** @return the allotments as last fetched, with the places left on this device */
    public synchronized List<OfflineAllotment> allotments() {
        List<OfflineAllotment> out = new ArrayList<>();
        String issuer = allotments.path("issuerId").asText(null);
        for (JsonNode a : allotments.path("allotments")) {
            out.add(new OfflineAllotment(a, issuer, 0)
                    .soldHere(ledger.soldHere(a.path("slotId").asText())));
        }
        return out;
    }

    /**
     * Sells offline: checks the allotment, signs one pass per item, journals the sale (forced to disk) and only then
     * returns it with its passes to print.
     *
     * @param slotId a slot of {@link #allotments()}
     * @param items the visitors (units and optional documents)
     * @param method {@code CASH} or {@code CODE}
     * @param shiftId the cashier's shift, or null
     * @return the journaled sale
     * @throws OfflineSaleException when nothing was sold (allotment exhausted, bad input, signer or journal failure)
     */
    public synchronized OfflineSale sell(String slotId, List<OfflineItem> items, String method, String shiftId) {
        if (items == null || items.isEmpty() || !("CASH".equals(method) || "CODE".equals(method))) {
            throw new OfflineSaleException(
                    OfflineErrorCode.INVALID_INPUT, "a sale needs items and the method CASH or CODE", null);
        }
        OfflineAllotment a = allotments().stream()
                .filter(x -> x.slotId().equals(slotId))
                .findFirst()
                .orElseThrow(() -> new OfflineSaleException(
                        OfflineErrorCode.NO_ALLOTMENT, "no allotment on slot " + slotId, null));
        List<OfflineAllotment.Unit> units = new ArrayList<>();
        int places = 0;
        long amount = 0;
        for (OfflineItem i : items) {
            OfflineAllotment.Unit u = a.unit(i.unitId());
            if (u == null) {
                throw new OfflineSaleException(
                        OfflineErrorCode.INVALID_INPUT, "unit " + i.unitId() + " is not sold in this slot", null);
            }
            units.add(u);
            places += u.paxCount();
            amount += u.priceFen();
        }
        if (places > a.remaining()) {
            throw new OfflineSaleException(
                    OfflineErrorCode.ALLOTMENT_EXHAUSTED,
                    "the sale takes " + places + " places; the allotment has " + a.remaining() + " left",
                    null);
        }
        Instant now = clock.instant();
        int serial = ledger.lastSerial(signer.keyId());
        List<OfflineSale.Ticket> tickets = new ArrayList<>();
        ArrayNode serials = JsonNodeFactory.instance.arrayNode();
        for (OfflineAllotment.Unit u : units) {
            serial++;
            Pass p = sign(a, u, signer.passId(serial), now);
            serials.add(serial);
            tickets.add(new OfflineSale.Ticket(u.id(), p.claims().passId(), p.text()));
        }
        OfflineSale sale =
                OfflineSale.of(UUID.randomUUID().toString(), a, method, shiftId, now, amount, places, items, tickets);
        sale.json().put("keyId", signer.keyId());
        sale.json().set("serials", serials);
        try {
            ledger.append(sale);
        } catch (IOException e) {
            throw new OfflineSaleException(
                    OfflineErrorCode.JOURNAL_FAILED, "the sale could not be journaled: nothing was sold", e);
        }
        return sale;
    }

    private Pass sign(OfflineAllotment a, OfflineAllotment.Unit u, String passId, Instant now) {
        JsonNode t = a.pass();
        Claims.Builder cb = Claims.builder()
                .passId(passId)
                .issuerId(t.path("issuerId").asText(a.issuerId()))
                .productId(t.path("productId").asText())
                .kind(PassKind.valueOf(t.path("kind").asText()))
                .validFrom(Instant.parse(t.path("validFrom").asText()))
                .validUntil(Instant.parse(t.path("validUntil").asText()))
                .entriesAllowed(1)
                .reentry(ReentryPolicy.SINGLE)
                .partySize(u.paxCount())
                .concession(u.concession())
                .issuedAt(now);
        t.path("zones").forEach(z -> cb.zone(z.asText(), 1));
        if (u.concession() && (u.minAge() != null || u.maxAge() != null)) {
            cb.minAge(u.minAge()).maxAge(u.maxAge());
        }
        try {
            return signer.sign(cb.build());
        } catch (ScenicPassException | IllegalArgumentException e) {
            throw new OfflineSaleException(OfflineErrorCode.SIGNING_REFUSED, e.getMessage(), e);
        }
    }

    /**
     * Sends the unsynced sales to the server, oldest first, and marks each one it answered (recorded now, recorded
     * before, or refused). A crash or a lost answer leaves sales unmarked: they are sent again, and the server
     * answers ALREADY_SYNCED for those it has. Call it whenever the cloud is reachable.
     *
     * @return what was synced
     * @throws SyncException when the server cannot be reached (sales answered before stay marked)
     */
    public OfflineSyncReport sync() {
        int synced = 0;
        Map<String, String> refused = new LinkedHashMap<>();
        while (true) {
            List<OfflineLedger.Pending> batch = ledger.unsynced(BATCH);
            if (batch.isEmpty()) {
                break;
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode arr = body.putArray("sales");
            batch.forEach(p -> arr.add(p.sale.json()));
            JsonNode answer = api.post(api.url("counter/offline-sales").build(), body, true, JsonNode.class, null);
            List<Long> done = new ArrayList<>();
            JsonNode results = answer.path("results");
            for (int i = 0; i < batch.size() && i < results.size(); i++) {
                JsonNode r = results.get(i);
                if (!batch.get(i).sale.saleId().equals(r.path("saleId").asText())) {
                    throw new SyncException(SyncErrorCode.BAD_RESPONSE, "offline-sales results out of order");
                }
                if ("REFUSED".equals(r.path("status").asText())) {
                    refused.put(
                            r.path("saleId").asText(),
                            r.path("code").asText() + ": " + r.path("message").asText());
                } else {
                    synced++;
                }
                done.add(batch.get(i).id);
            }
            try {
                ledger.markSynced(done);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot mark synced sales", e); // they are sent again: harmless
            }
            if (done.size() < batch.size()) {
                break;
            }
        }
        return new OfflineSyncReport(synced, refused, ledger.unsyncedCount());
    }

    /** @return sales not yet taken by the server */
    public int unsyncedCount() {
        return ledger.unsyncedCount();
    }

    /** @return every journaled sale, oldest first */
    public List<OfflineSale> sales() {
        return ledger.sales();
    }

    @Override
    public void close() throws IOException {
        ledger.close();
    }

    /** Builds an {@link OfflineCounter}: server and token (or credentials), state directory and signer required. */
    public static final class Builder {
        private String serverUrl;
        private String deviceToken;
        private Path stateDir;
        private PassSigner signer;
        private Clock clock = Clock.systemUTC();
        private OkHttpClient http;

        private Builder() {}

        /**
         * @param c the device's enrollment (server URL and token)
         * @return this
         */
        public Builder credentials(DeviceCredentials c) {
            this.serverUrl = c.serverUrl();
            this.deviceToken = c.deviceToken();
            return this;
        }

        /**
         * @param url the server's base URL
         * @param token the device token
         * @return this
         */
        public Builder server(String url, String token) {
            this.serverUrl = url;
            this.deviceToken = token;
            return this;
        }

        /**
         * @param dir where the ledger and the fetched allotments live (must survive restarts)
         * @return this
         */
        public Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        /**
         * @param s signs the offline passes (the device's delegated key)
         * @return this
         */
        public Builder signer(PassSigner s) {
            this.signer = s;
            return this;
        }

        /**
         * @param c the device clock
         * @return this
         */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /**
         * @param h the HTTP client (default: 10 s timeouts)
         * @return this
         */
        public Builder httpClient(OkHttpClient h) {
            this.http = h;
            return this;
        }

        /**
         * @return the counter, its ledger opened (replayed)
         * @throws UncheckedIOException when the state directory cannot be read or written
         */
        public OfflineCounter build() {
            Objects.requireNonNull(serverUrl, "serverUrl");
            Objects.requireNonNull(deviceToken, "deviceToken");
            Objects.requireNonNull(stateDir, "stateDir");
            Objects.requireNonNull(signer, "signer");
            if (http == null) {
                http = new OkHttpClient.Builder()
                        .callTimeout(Duration.ofSeconds(10))
                        .build();
            }
            try {
                return new OfflineCounter(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the offline ledger in " + stateDir, e);
            }
        }
    }
}
