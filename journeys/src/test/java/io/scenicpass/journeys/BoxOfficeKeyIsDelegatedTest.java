package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Claims;
import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.PublicKeyEntry;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.counter.DelegatedSigner;
import io.scenicpass.terminal.rules.Reason;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The box office at the north entrance gets its own signing key certified before the cloud goes down: the gate that
 * synced the key set admits the passes it signs (offline too), refuses those outside the delegation, and once the
 * operator revokes the key (the box office was stolen) refuses the key's passes after its next sync.
 */
class BoxOfficeKeyIsDelegatedTest {
    /** 10:00 in the park (Asia/Shanghai) on the journey's day. */
    static final Instant TEN = Instant.parse("2026-06-01T02:00:00Z");

    static final char[] PASSPHRASE = "north box office".toCharArray();

    @TempDir
    Path dir;

    private String areaId;

    @Test
    void aDelegatedPassIsAdmittedByTheGateAndRefusedAfterRevocation() throws Exception {
        try (Park park = Park.open(dir)) {
            park.timeIs(TEN);
            areaId = park.server.server.config().areaId;
            DeviceCredentials box = enrollBoxOffice(park);
            DelegatedSigner signer =
                    DelegatedSigner.open(dir.resolve("box-office/signer"), PASSPHRASE, park.clock, new SecureRandom());
            PublicKeyEntry cert = signer.certify(box, park.server.http);
            assertThat(cert.delegation().orElseThrow().productIds()).contains("park-entry");

            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            assertThat(north.cutNetwork().success()).isFalse(); // the cloud is down: the gate decides alone

            Decision admitted =
                    north.scan(signer.sign(ticket(signer, 1, "park-entry")).text());
            assertThat(admitted.admitted()).as("%s", admitted).isTrue();
            Decision again =
                    north.scan(signer.sign(ticket(signer, 1, "park-entry")).text());
            assertThat(again.reason()).isEqualTo(Reason.ALREADY_ENTERED);
            // the signer refuses the 501st pass of a 500-pass delegation; a tampered box office signing it with the key
            // itself gets it refused at the gate
            assertThatThrownBy(() -> signer.sign(ticket(signer, 501, "park-entry")))
                    .isInstanceOfSatisfying(
                            ScenicPassException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DELEGATION_OUT_OF_SCOPE));
            IssuerKey stolen = IssuerKey.fromEncryptedPem(
                    Files.readString(dir.resolve("box-office/signer").resolve(DelegatedSigner.KEY_FILE)), PASSPHRASE);
            Decision beyondScope = north.scan(new PassIssuer(stolen)
                    .issue(ticket(signer, 501, "park-entry"))
                    .text());
            assertThat(beyondScope.reason()).isEqualTo(Reason.DELEGATION_OUT_OF_SCOPE);

            TestServer.Answer revoked =
                    park.admin("POST", "/admin/v1/delegations/" + signer.keyId() + "/revoke?reason=stolen", null);
            assertThat(revoked.status()).isEqualTo(200);
            JsonNode listed = park.admin("GET", "/admin/v1/delegations?deviceId=" + box.deviceId(), null)
                    .json();
            assertThat(listed.get(0).get("state").asText()).isEqualTo("REVOKED");

            Pass afterRevocation = signer.sign(ticket(signer, 3, "park-entry"));
            assertThat(north.scan(afterRevocation.text()).admitted())
                    .as("the gate has not synced the revocation yet")
                    .isTrue();
            assertThat(north.restoreNetwork().success()).isTrue();
            Decision refused =
                    north.scan(signer.sign(ticket(signer, 4, "park-entry")).text());
            assertThat(refused.admitted()).isFalse();
            assertThat(refused.reason()).isEqualTo(Reason.KEY_REVOKED);
        }
    }

    /** A box office enrolls like a gate, with a token of role BOX_OFFICE (the real SDK provisioning). */
    private DeviceCredentials enrollBoxOffice(Park park) {
        TestServer.Answer token = park.admin(
                "POST",
                "/admin/v1/enrollment-tokens",
                "{\"gateId\":\"gate-north\",\"label\":\"north box office\",\"role\":\"BOX_OFFICE\"}");
        assertThat(token.status()).isEqualTo(201);
        return new Provisioning(new CredentialStore(dir.resolve("box-office/device.json")))
                .enroll(token.json().get("enrollmentCode").asText(), "north box office", "SP-BOX");
    }

    /** What the box office prints for one adult: a timed entry 10:00–11:00 today, the {@code serial}-th of its key. */
    private Claims ticket(DelegatedSigner signer, int serial, String productId) {
        return Claims.builder()
                .passId(signer.passId(serial))
                .issuerId(areaId)
                .productId(productId)
                .kind(PassKind.TIMED_SLOT)
                .validFrom(TEN)
                .validUntil(TEN.plus(Duration.ofHours(1)))
                .zone("park", 1)
                .issuedAt(TEN)
                .build();
    }
}
