package io.scenicpass.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.core.CredentialType;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireJsonTest {
    final ObjectMapper json = WireJson.mapper();

    <T> T roundTrip(T value, Class<T> type) throws Exception {
        String text = json.writeValueAsString(value);
        T back = json.readValue(text, type);
        assertThat(back).as(text).isEqualTo(value);
        assertThat(json.writeValueAsString(back)).isEqualTo(text);
        return back;
    }

    static EntryEvent event() {
        return EntryEvent.builder()
                .eventId("01890a5d-ac96-774b-bcce-b302099a8057")
                .passId("0J5W2R8ZK3M9Q")
                .gateId("G1")
                .deviceId("D1")
                .zoneId("MAIN")
                .direction(Direction.IN)
                .credentialType(CredentialType.QR)
                .verdict(Verdict.ADMIT)
                .reason("OK")
                .deviceTime(Instant.parse("2026-07-01T10:00:01.250Z"))
                .correctedTime(Instant.parse("2026-07-01T10:00:00.900Z"))
                .offline(true)
                .partyCount(1)
                .build();
    }

    @Test
    void entryEventIsIsoJsonAndRoundTrips() throws Exception {
        String text = json.writeValueAsString(event());
        assertThat(text)
                .contains("\"deviceTime\":\"2026-07-01T10:00:01.250Z\"")
                .contains("\"direction\":\"IN\"")
                .contains("\"offline\":true");
        roundTrip(event(), EntryEvent.class);
        EntryEvent unreadable = event().toBuilder()
                .passId(null)
                .verdict(Verdict.DENY)
                .reason("UNREADABLE")
                .build();
        assertThat(json.writeValueAsString(unreadable)).doesNotContain("passId");
        roundTrip(unreadable, EntryEvent.class);
    }

    @Test
    void everyMessageRoundTrips() throws Exception {
        roundTrip(new EnrollmentRequest("tok", "Gate 1", "SP-G1"), EnrollmentRequest.class);
        roundTrip(
                new EnrollmentResponse("D1", "secret", "HS", "G1", "11qYAYKxCrfVS/7TyWQHOg7hcvPaYiMlrwIaaPcHURo="),
                EnrollmentResponse.class);
        roundTrip(new RevocationDelta(3, 5, Arrays.asList("A", "B"), true), RevocationDelta.class);
        roundTrip(
                new BlacklistDelta(0, 1, Collections.singletonList("AAEC"), Collections.emptyList(), false),
                BlacklistDelta.class);
        ManifestEntry entry = new ManifestEntry(
                "P1",
                "SP1XYZ",
                Collections.singletonList("AAEC"),
                Collections.singletonList("04A1B2C3"),
                Collections.emptyList());
        roundTrip(
                new ManifestDelta(10, 11, Collections.singletonList(entry), Collections.singletonList("P0"), false),
                ManifestDelta.class);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("maxPerMinute", 3);
        params.put("zones", Arrays.asList("MAIN", "CABLE"));
        Map<String, DisplayMessage> messages = new LinkedHashMap<>();
        messages.put("REVOKED", new DisplayMessage("票已作废", "Ticket revoked"));
        DeviceConfig config = DeviceConfig.builder()
                .deviceId("D1")
                .gateId("G1")
                .areaId("HS")
                .zones(Collections.singletonList("MAIN"))
                .direction("BOTH")
                .earlyToleranceSeconds(600)
                .lateToleranceSeconds(300)
                .rules(Collections.singletonList(new RuleConfig("rate-limit", params)))
                .messages(messages)
                .holderBindingKey("AAECAw==")
                .healthCertificateRequired(false)
                .version(4)
                .productPolicies(
                        Collections.singletonMap("park-child", new ProductGatePolicy(true, ProductGatePolicy.ATTENDED)))
                .build();
        roundTrip(config, DeviceConfig.class);
        assertThat(config.productPolicy("park-child").attended()).isTrue();
        assertThat(config.productPolicy("park-adult")).isNull();
        DeviceConfig older = json.readValue("{\"deviceId\":\"D1\",\"version\":3}", DeviceConfig.class);
        assertThat(older.productPolicies()).isEmpty();
        assertThat(new ProductGatePolicy(false, null).childPolicy()).isEqualTo(ProductGatePolicy.DOCUMENT);
        roundTrip(new EntryBatch("D1", Collections.singletonList(event())), EntryBatch.class);
        roundTrip(
                new EntryAck(Arrays.asList(
                        new EntryAckItem("e1", EntryAckStatus.ACCEPTED, null),
                        new EntryAckItem("e2", EntryAckStatus.OVERUSE_CONFLICT, "used twice"))),
                EntryAck.class);
        roundTrip(
                new TelemetryBatch(
                        "D1",
                        Collections.singletonList(new TelemetryReading(
                                Instant.parse("2026-07-01T10:00:00Z"),
                                "D1",
                                "t1",
                                TelemetryKind.TEMPERATURE,
                                21.5,
                                "C",
                                null))),
                TelemetryBatch.class);
        roundTrip(new PushMessage(PushType.REVOCATION, 9, json.readTree("{\"fromSequence\":8}")), PushMessage.class);
        roundTrip(new OnlineCheckRequest("e1", "SP1XYZ", "G1", "MAIN", Direction.IN), OnlineCheckRequest.class);
        roundTrip(new OnlineCheckResponse(Verdict.DENY, "REVOKED"), OnlineCheckResponse.class);
        roundTrip(new WireError("MALFORMED", "bad"), WireError.class);
    }

    @Test
    void unknownPropertiesAreIgnoredAndMissingListsAreEmpty() throws Exception {
        RevocationDelta d =
                json.readValue("{\"fromSequence\":1,\"toSequence\":2,\"future\":{\"x\":1}}", RevocationDelta.class);
        assertThat(d.revokedPassIds()).isEmpty();
        assertThat(d.more()).isFalse();
        assertThat(WireHeaders.SERVER_TIME).isEqualTo("X-ScenicPass-Server-Time");
    }
}
