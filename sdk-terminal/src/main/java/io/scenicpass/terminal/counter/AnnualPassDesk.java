package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.Liveness;
import io.scenicpass.terminal.internal.sync.ConnectivityMonitor;
import io.scenicpass.terminal.internal.sync.TerminalApi;
import io.scenicpass.terminal.rules.Reason;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.ServerClock;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activation of an annual pass (年卡) by its holder at a kiosk, a box office or a gate's first entry: the visitor's pass
 * as scanned, the holder's document as the ID card reader (or MRZ reader) read it, and the face the biometric module
 * captured with its liveness verdict go to {@code POST /terminal/v1/annual-passes/activate}; the answer is the
 * activated pass to print or show. The server refuses with a code ({@link SyncException#serverCode()}):
 * {@code PASS_UNKNOWN}, {@code ALREADY_ACTIVE}, {@code PASS_FROZEN}, {@code ACTIVATION_DEADLINE_PASSED},
 * {@code WRONG_AREA}, {@code DOCUMENT_MISMATCH}, {@code LIVENESS_FAILED}, {@code LIVENESS_MISSING}. A call that got
 * no answer is retried with the same request id: the server answers the same activation, never a second one.
 *
 * <pre>{@code
 * AnnualPassDesk desk = AnnualPassDesk.of(counter);             // a kiosk; a gate: AnnualPassDesk.of(creds, http, clock)
 * String requestId = AnnualPassDesk.newRequestId();              // one per visitor at the desk, kept for retries
 * AnnualPassActivation a = desk.activate(requestId, scannedQr, idCardCredential, cameraSample);
 * printer.print(...a.passText()...);
 * }</pre>
 *
 * At a gate, a decision refused {@link Reason#NOT_ACTIVATED} ({@link #needsActivation}) lets the lane's attendant read
 * the ID card and the lane's camera take the face; after {@link #activate} the gate admits the new pass text (its
 * first entry) with the same face.
 */
public final class AnnualPassDesk {
    private static final Logger LOG = LoggerFactory.getLogger(AnnualPassDesk.class);

    private final TerminalApi api;
    private final Clock clock;

    private AnnualPassDesk(TerminalApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** @param counter a kiosk's or box office's counter (its server link and clock are shared) @return its desk */
    public static AnnualPassDesk of(Counter counter) {
        Objects.requireNonNull(counter, "counter");
        return new AnnualPassDesk(counter.api(), counter.clock());
    }

    /**
     * @param credentials any enrolled device's (a gate's: the activation enrols the face as GATE)
     * @param http the HTTP client (null: 5 s to connect, 15 s to read)
     * @param clock the device's clock
     * @return a desk for that device
     */
    public static AnnualPassDesk of(DeviceCredentials credentials, OkHttpClient http, Clock clock) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(clock, "clock");
        OkHttpClient client = http != null
                ? http
                : new OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .readTimeout(Duration.ofSeconds(15))
                        .build();
        ConnectivityMonitor monitor = new ConnectivityMonitor(1, Duration.ofSeconds(15), (a, c) -> {});
        return new AnnualPassDesk(
                new TerminalApi(
                        client, credentials.serverUrl(), credentials.deviceToken(), clock, ServerClock.IGNORE, monitor),
                clock);
    }

    /** @return a fresh request id, to keep for the retries of one activation */
    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** @param d a gate's decision @return whether it refused an annual pass that is not activated yet */
    public static boolean needsActivation(Decision d) {
        return !d.admitted() && Reason.NOT_ACTIVATED.equals(d.reason());
    }

    /**
     * @param requestId the activation's id ({@link #newRequestId()}); the same for its retries
     * @param passText the visitor's pass as scanned (the sold annual pass)
     * @param document what the ID card reader ({@link CredentialKind#ID_CARD}) or the MRZ reader read
     * @param face the live sample the biometric module captured, with its vendor's liveness verdict
     * @return the activated pass
     * @throws IllegalArgumentException for another credential, a document without its data, or a palm sample
     * @throws SyncException the server's refusal (its code) or no answer (retry with the same request id)
     */
    public AnnualPassActivation activate(
            String requestId, String passText, ScannedCredential document, BiometricTemplate face) {
        Holder holder;
        if (document.kind() == CredentialKind.ID_CARD && document.idCard().isPresent()) {
            holder = Holder.fromIdCard(document.idCard().get());
        } else if (document.kind() == CredentialKind.PASSPORT && document.mrz().isPresent()) {
            holder = Holder.fromMrz(document.mrz().get(), LocalDate.now(clock));
        } else {
            throw new IllegalArgumentException(
                    "an annual pass is activated with an ID card or a passport, not " + document.kind());
        }
        return activate(requestId, passText, holder, face);
    }

    /** As {@link #activate(String, String, ScannedCredential, BiometricTemplate)}, with the holder's document given. */
    public AnnualPassActivation activate(String requestId, String passText, Holder holder, BiometricTemplate face) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(passText, "passText");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(face, "face");
        if (face.modality() != BiometricModality.FACE) {
            throw new IllegalArgumentException("an annual pass is activated with a face, not " + face.modality());
        }
        ObjectNode body = CounterWire.JSON.createObjectNode();
        body.put("requestId", requestId);
        body.put("pass", passText.trim());
        ObjectNode h = body.putObject("holder");
        h.put("type", holder.type().name());
        h.put("number", holder.number());
        h.put("name", holder.name());
        holder.country().ifPresent(c -> h.put("country", c));
        ObjectNode f = body.putObject("face");
        f.put("template", Base64.getEncoder().encodeToString(face.data()));
        Liveness l = face.liveness();
        f.put("liveness", l.status().name());
        if (!Double.isNaN(l.score())) {
            f.put("livenessScore", l.score());
        }
        JsonNode n = api.post(api.url("annual-passes/activate").build(), body, false, JsonNode.class, null);
        AnnualPassActivation a = read(n);
        LOG.info("annual pass {} activated as {}", a.annualPassId(), a.passId());
        return a;
    }

    private static AnnualPassActivation read(JsonNode n) {
        try {
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new AnnualPassActivation(
                    CounterWire.required(n, "annualPassId"),
                    CounterWire.required(n, "passId"),
                    CounterWire.required(n, "passText"),
                    CounterWire.text(n, "productId"),
                    CounterWire.text(n, "state"),
                    CounterWire.instant(CounterWire.text(n, "validFrom")),
                    CounterWire.instant(CounterWire.text(n, "validUntil")),
                    CounterWire.text(n, "holder"),
                    CounterWire.text(n, "enrolment"));
        } catch (RuntimeException e) {
            throw new SyncException(
                    SyncErrorCode.BAD_RESPONSE, "unreadable activation answer: " + e.getMessage(), 200, null, e);
        }
    }
}
