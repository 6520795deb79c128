package io.scenicpass.cli;

import static io.scenicpass.cli.CliRun.all;
import static io.scenicpass.cli.CliRun.first;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scenicpass gate} in-process against the REAL reference server (child JVM from the shaded jar): enrollment,
 * admissions from the synced state, the network cut and restored, entries uploaded once, re-runs reusing the
 * enrollment and the journal, the simulated clock, the exit lane, and usage errors.
 */
@Tag("slow")
class GateCommandTest {
    @TempDir
    static Path dir;

    private static ReferenceServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ReferenceServerProcess.start(dir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void admitsOnlineAndOfflineThenUploadsEveryEntryOnceAndTheBookingIsRedeemed() throws Exception {
        ReferenceServerProcess.Booked b = server.book(2);
        assertThat(b.passes).hasSize(2);
        Path data = dir.resolve("gate-a");
        String p1 = b.passes.get(0);
        String p2 = b.passes.get(1);
        List<JsonNode> out = gate(
                data,
                String.join(
                        "\n",
                        "status",
                        p1,
                        p1,
                        "offline",
                        p2,
                        "status",
                        "online",
                        "sync",
                        "status",
                        "face:nobody",
                        "garbage",
                        "quit"),
                "--server",
                server.baseUrl,
                "--enroll",
                server.demoEnrollmentToken,
                "--clock",
                b.slotStart.plusMinutes(30).toString());

        assertThat(first(out, "ready").path("enrolled").asText()).isEqualTo("now");
        JsonNode start = first(out, "status");
        assertThat(start.path("connectivity").asText()).isEqualTo("ONLINE");
        assertThat(start.has("manifestPasses")).isTrue();
        assertThat(start.path("keySetSequence").asLong()).isPositive();
        assertThat(start.path("clockCorrected").asBoolean()).isFalse();

        List<JsonNode> d = all(out, "decision");
        assertThat(d).hasSize(5);
        assertThat(d.get(0).path("verdict").asText()).isEqualTo("ADMIT");
        assertThat(d.get(0).path("reason").asText()).isEqualTo("OK");
        assertThat(d.get(0).path("messageEn").asText()).isNotBlank();
        assertThat(d.get(0).path("messageZh").asText()).isNotBlank();
        assertThat(d.get(0).path("display").path("tone").asText()).isEqualTo("ADMIT");
        assertThat(d.get(0).path("walkedThrough").asInt()).isEqualTo(1);
        assertThat(d.get(0).path("time").asText())
                .startsWith(b.slotStart.plusMinutes(30).toInstant().toString().substring(0, 15));
        assertThat(d.get(1).path("reason").asText()).isEqualTo("ALREADY_ENTERED");
        assertThat(d.get(1).path("verdict").asText()).isEqualTo("DENY");
        assertThat(d.get(2).path("verdict").asText())
                .as("admitted while the network is cut")
                .isEqualTo("ADMIT");
        assertThat(d.get(3).path("reason").asText()).isEqualTo("NOT_FOUND");
        assertThat(d.get(4).path("reason").asText()).isEqualTo("MALFORMED");

        List<JsonNode> statuses = all(out, "status");
        JsonNode offline = statuses.get(2);
        assertThat(offline.path("network").asText()).isEqualTo("cut");
        assertThat(offline.path("connectivity").asText()).isEqualTo("OFFLINE");
        assertThat(offline.path("pendingUploads").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode back = statuses.get(3);
        assertThat(back.path("connectivity").asText()).isEqualTo("ONLINE");
        assertThat(back.path("pendingUploads").asInt()).isZero();
        List<JsonNode> net = all(out, "network");
        assertThat(net.get(0).path("sync").path("ok").asBoolean()).isFalse();
        assertThat(net.get(1).path("sync").path("ok").asBoolean()).isTrue();
        assertThat(net.get(1).path("sync").path("conflicts").asInt()).isZero();
        assertThat(first(out, "bye").path("pendingUploads").asInt())
                .as("quit uploads what is left")
                .isZero();
        assertThat(server.bookingStatus(b.uuid)).isEqualTo("REDEEMED");

        // a second run reuses the enrollment and the journal: the pass is still used
        List<JsonNode> again = gate(
                data,
                p1 + "\nstatus\nquit\n",
                "--clock",
                b.slotStart.plusMinutes(40).toString());
        assertThat(first(again, "ready").path("enrolled").asText()).startsWith("reused");
        assertThat(first(again, "ready").path("deviceId").asText())
                .isEqualTo(first(out, "ready").path("deviceId").asText());
        assertThat(first(again, "decision").path("reason").asText()).isEqualTo("ALREADY_ENTERED");
    }

    @Test
    void simulatedClockOutsideTheSlotAndTheExitLane() throws Exception {
        ReferenceServerProcess.Booked b = server.book(1);
        String pass = b.passes.get(0);
        Path data = dir.resolve("gate-south");
        String code = server.enrollmentCode("gate-south");
        List<JsonNode> late = gate(
                data,
                pass + "\nquit\n",
                "--server",
                server.baseUrl,
                "--enroll",
                code,
                "--clock",
                b.slotStart.plusDays(3).toString());
        JsonNode denied = first(late, "decision");
        assertThat(denied.path("verdict").asText()).isEqualTo("DENY");
        assertThat(denied.path("reason").asText()).isIn("EXPIRED", "SLOT_ENDED", "NOT_IN_SLOT", "TOO_LATE");

        List<JsonNode> out = gate(
                data,
                String.join("\n", pass, "out:" + pass, "quit"),
                "--clock",
                b.slotStart.plusMinutes(10).toString());
        List<JsonNode> d = all(out, "decision");
        assertThat(d.get(0).path("verdict").asText()).isEqualTo("ADMIT");
        assertThat(d.get(0).path("lane").asText()).isEqualTo("in");
        assertThat(d.get(1).path("lane").asText()).isEqualTo("out");
        assertThat(d.get(1).path("reason").asText()).isNotEqualTo("WRONG_DIRECTION");
    }

    @Test
    void faceAndCardFindTheirPassThroughTheManifest() throws Exception {
        ReferenceServerProcess.Booked b = server.book(2);
        String faceHolder =
                io.scenicpass.core.PassCodec.decode(b.passes.get(0)).claims().passId();
        String cardHolder =
                io.scenicpass.core.PassCodec.decode(b.passes.get(1)).claims().passId();
        com.fasterxml.jackson.databind.node.ObjectNode face = ReferenceServerProcess.JSON.createObjectNode();
        face.putArray("biometricSubjects").add("visitor-42");
        server.send("PUT", "/admin/v1/passes/" + faceHolder + "/credentials", "Bearer " + server.adminToken, face);
        com.fasterxml.jackson.databind.node.ObjectNode card = ReferenceServerProcess.JSON.createObjectNode();
        card.putArray("cardUids").add("04A1B2C3D4");
        server.send("PUT", "/admin/v1/passes/" + cardHolder + "/credentials", "Bearer " + server.adminToken, card);

        Path data = dir.resolve("gate-bio");
        gate(data, "quit\n", "--server", server.baseUrl, "--enroll", server.enrollmentCode("gate-north"));
        // the server folds new passes and credentials into its manifest feed every few seconds: wait for them
        server.awaitManifest(data.resolve("device.json"), faceHolder, cardHolder);
        List<JsonNode> out = gate(
                data,
                "face:visitor-42\ncard:04a1b2c3d4\nface:stranger\nquit\n",
                "--clock",
                b.slotStart.plusMinutes(5).toString());
        List<JsonNode> d = all(out, "decision");
        assertThat(d.get(0).path("verdict").asText()).as("%s", out).isEqualTo("ADMIT");
        assertThat(d.get(0).path("credentialType").asText()).isEqualTo("FACE");
        assertThat(d.get(0).path("pass").path("passId").asText()).isEqualTo(faceHolder);
        assertThat(d.get(1).path("verdict").asText()).isEqualTo("ADMIT");
        assertThat(d.get(1).path("credentialType").asText()).isEqualTo("CARD_UID");
        assertThat(d.get(1).path("pass").path("passId").asText()).isEqualTo(cardHolder);
        assertThat(d.get(2).path("reason").asText()).isEqualTo("NOT_FOUND");
        assertThat(first(out, "bye").path("pendingUploads").asInt()).isZero();
        assertThat(server.bookingStatus(b.uuid)).isEqualTo("REDEEMED");
    }

    @Test
    void aMainlandTravelPermitFindsItsPassAndStaffConfirmOnlyWhenAsked() throws Exception {
        ReferenceServerProcess.Booked b = server.book(1);
        String passId =
                io.scenicpass.core.PassCodec.decode(b.passes.get(0)).claims().passId();
        Path data = dir.resolve("gate-permit");
        gate(data, "quit\n", "--server", server.baseUrl, "--enroll", server.enrollmentCode("gate-north"));
        String token = ReferenceServerProcess.JSON
                .readTree(Files.readAllBytes(data.resolve("device.json")))
                .path("deviceToken")
                .asText();
        byte[] key = java.util.Base64.getDecoder()
                .decode(server.send("GET", "/terminal/v1/config", "Device " + token, null)
                        .path("holderBindingKey")
                        .asText());
        com.fasterxml.jackson.databind.node.ObjectNode creds = ReferenceServerProcess.JSON.createObjectNode();
        creds.putArray("holderBindings")
                .add(java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(io.scenicpass.core.HolderBinding.of(
                                key, io.scenicpass.core.DocumentType.HK_MO_PERMIT, "H12345678")));
        server.send("PUT", "/admin/v1/passes/" + passId + "/credentials", "Bearer " + server.adminToken, creds);
        server.awaitManifest(data.resolve("device.json"), passId);
        List<JsonNode> out = gate(
                data,
                "staff\nhkmo:H12345678/1999-02-30\nhkmo:H12345678/1960-04-05\nquit\n",
                "--clock",
                b.slotStart.plusMinutes(5).toString());
        List<JsonNode> d = all(out, "decision");
        assertThat(d.get(0).path("reason").asText()).as("%s", out).isEqualTo("NOTHING_TO_CONFIRM");
        assertThat(d.get(1).path("verdict").asText()).isEqualTo("NONE");
        assertThat(d.get(1).path("reason").asText()).startsWith("UNREADABLE");
        assertThat(d.get(2).path("verdict").asText()).as("%s", out).isEqualTo("ADMIT");
        assertThat(d.get(2).path("credentialType").asText()).isEqualTo("PASSPORT");
        assertThat(d.get(2).path("pass").path("passId").asText()).isEqualTo(passId);
    }

    @Test
    void aRefusedEnrollmentTokenIsAUsageErrorAndStoresNothing() {
        CliRun refused = CliRun.run(
                "quit\n",
                "gate",
                "--data",
                dir.resolve("refused").toString(),
                "--server",
                server.baseUrl,
                "--enroll",
                "enr_not_a_token");
        assertThat(refused.exit).isEqualTo(Main.USAGE);
        assertThat(refused.err).contains("ENROLLMENT_REFUSED");
        assertThat(Files.exists(dir.resolve("refused").resolve("device.json"))).isFalse();
    }

    private static List<JsonNode> gate(Path data, String stdin, String... args) {
        List<String> a = new ArrayList<>(List.of("gate", "--json", "--data", data.toString()));
        a.addAll(List.of(args));
        CliRun r = CliRun.run(stdin.endsWith("\n") ? stdin : stdin + "\n", a.toArray(new String[0]));
        assertThat(r.exit).as("exit code; stderr: %s", r.err).isZero();
        return r.json();
    }
}
