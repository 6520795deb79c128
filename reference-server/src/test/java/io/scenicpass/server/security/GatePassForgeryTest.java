package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.Claims;
import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PublicKeyEntry;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.codec.Base45;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged and badly-keyed passes are refused at the gate with the protocol's reason code, through sdk-terminal's real
 * {@link Gate} holding the key set the server serves on its terminal API (fetched with a device credential after
 * each key operation done over the admin API): a flipped signature byte ({@code BAD_SIGNATURE}), a pass of a key
 * outside the set ({@code UNKNOWN_KEY}), an expired pass ({@code EXPIRED}), a pass of a retired key after the key's
 * validity ({@code KEY_RETIRED}; before it: admitted), a pass of a compromised key issued before the compromise and
 * one made with the stolen key after it ({@code KEY_COMPROMISED} both: "every pass of that key is refused, whatever
 * its dates", docs/protocol.md), a key set not signed by the pinned root (refused, the gate keeps none of it) and
 * a rollback to an older key set that still trusted the compromised key ({@code STALE_SEQUENCE}).
 */
class GatePassForgeryTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;
    static DeviceCredentials device;
    static final AtomicInteger gates = new AtomicInteger();
    static final Instant IN_SLOT = SecurityFixture.SLOT_START.plusSeconds(600);

    @BeforeAll
    static void start() {
        ts = SecurityFixture.server(dir.resolve("server"));
        key = ts.channel("ota", 10_000, 10_000, null);
        device = SecurityFixture.enroll(ts, dir.resolve("terminal"), "gate-a");
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    /** The signed key set the server serves to terminals now. */
    private static SignedKeySet servedKeySet() {
        TestServer.Answer a =
                SecurityFixture.send(ts, "GET", "/terminal/v1/keyset", "Device " + device.deviceToken(), null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return SignedKeySet.fromJson(a.body());
    }

    /** A fresh gate (own state directory) trusting {@code keys} under the pinned root, on its own clock. */
    private static Gate gate(SignedKeySet keys, MutableClock clock) {
        return Gate.builder()
                .stateDirectory(dir.resolve("gate-" + gates.incrementAndGet()))
                .rootPublicKey(device.rootPublicKey())
                .keySet(keys)
                .deviceId(device.deviceId())
                .gateId("gate-a")
                .defaultZone("park")
                .clock(clock)
                .correctClock(false)
                .build();
    }

    private static Decision scan(Gate gate, String text) {
        return gate.decide(Credential.qr(text), GateContext.entry("park"));
    }

    private static Decision scanNfc(Gate gate, byte[] raw) {
        return gate.decide(Credential.nfc(raw), GateContext.entry("park"));
    }

    @Test
    void forgedUnknownKeyAndExpiredPassesAreRefusedWithTheirReason() {
        String genuine = SecurityFixture.book(ts, key, "forge-genuine");
        Pass pass = PassCodec.decode(genuine);
        MutableClock clock = new MutableClock(IN_SLOT);
        try (Gate gate = gate(servedKeySet(), clock)) {
            // a flipped bit in the signature, as QR text and as NFC bytes
            byte[] raw = pass.encoded();
            raw[raw.length - 1] ^= 0x01;
            Decision forged = scan(gate, PassCodec.PREFIX + Base45.encode(raw));
            assertThat(forged.admitted()).isFalse();
            assertThat(forged.reason()).isEqualTo("BAD_SIGNATURE");
            assertThat(scanNfc(gate, raw).reason()).isEqualTo("BAD_SIGNATURE");

            // the same claims (a more generous pass) signed by a key the scenic area never published
            IssuerKey stranger = IssuerKey.generate(new SecureRandom());
            Claims richer = pass.claims().toBuilder()
                    .passId("FORGED0000000001")
                    .entriesAllowed(0)
                    .build();
            Decision unknown = scan(gate, new PassIssuer(stranger).issue(richer).text());
            assertThat(unknown.admitted()).isFalse();
            assertThat(unknown.reason()).isEqualTo("UNKNOWN_KEY");

            // the genuine pass is admitted in its slot (the refusals above are about the forgeries)...
            Decision ok = scan(gate, genuine);
            assertThat(ok.admitted()).as("%s", ok).isTrue();
        }
        // ...and refused once its validity is over
        try (Gate gate =
                gate(servedKeySet(), new MutableClock(pass.claims().validUntil().plus(Duration.ofDays(1))))) {
            Decision expired = scan(gate, genuine);
            assertThat(expired.admitted()).isFalse();
            assertThat(expired.reason()).isEqualTo("EXPIRED");
        }
    }

    @Test
    void aKeySetNotSignedByThePinnedRootIsRefused() {
        String genuine = SecurityFixture.book(ts, key, "forge-root");
        IssuerKey attackerRoot = IssuerKey.generate(new SecureRandom());
        IssuerKey attackerIssuer = IssuerKey.generate(new SecureRandom());
        List<PublicKeyEntry> entries =
                new ArrayList<>(servedKeySet().verify(device.rootPublicKey()).keys());
        entries.add(
                attackerIssuer.toPublicEntry(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), KeyStatus.ACTIVE));
        SignedKeySet rogue = KeySet.of(1_000_000, Instant.now(), entries).sign(attackerRoot);
        assertThatThrownBy(() -> gate(rogue, new MutableClock(IN_SLOT)).close())
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY_SET));
        // a gate on the genuine set refuses the rogue set pushed to it, and what the rogue issuer signed
        try (Gate gate = gate(servedKeySet(), new MutableClock(IN_SLOT))) {
            // (the gate hands out a read-only state; the sync client's writable one is reached through GateInternals)
            assertThatThrownBy(() -> GateInternals.state(gate).applyKeySet(rogue))
                    .isInstanceOfSatisfying(
                            ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY_SET));
            Claims c = PassCodec.decode(genuine).claims().toBuilder()
                    .passId("ROGUE00000000001")
                    .build();
            assertThat(scan(gate, new PassIssuer(attackerIssuer).issue(c).text())
                            .reason())
                    .isEqualTo("UNKNOWN_KEY");
        }
    }

    @Test
    void retiredAndCompromisedKeysAreRefusedAsTheProtocolDefines() throws Exception {
        String first = ts.server.keys().active().keyId();
        String oldA = SecurityFixture.book(ts, key, "keys-old-a");
        String oldB = SecurityFixture.book(ts, key, "keys-old-b");
        assertThat(PassCodec.decode(oldA).keyId()).isEqualTo(first.substring(0, 2)); // the first byte of the key id

        // rotate 400 days later (on the server's clock), so the old and new keys end their validity apart
        Instant back = ts.clock.instant();
        ts.clock.advance(Duration.ofDays(400));
        TestServer.Answer rotated = ts.post("/admin/v1/keys/rotate", TestServer.ADMIN, "{}");
        ts.clock.set(back);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String second = rotated.json().path("activeKeyId").asText();
        assertThat(second).isNotEqualTo(first);
        String newer = SecurityFixture.book(ts, key, "keys-new");
        assertThat(PassCodec.decode(newer).keyId()).isEqualTo(second.substring(0, 2)); // the first byte of the key id

        SignedKeySet afterRotation = servedKeySet();
        KeySet ks = afterRotation.verify(device.rootPublicKey());
        PublicKeyEntry retired = ks.find(first).orElseThrow();
        assertThat(retired.status()).isEqualTo(KeyStatus.RETIRED);
        assertThat(ks.find(second).orElseThrow().validUntil()).isAfter(retired.validUntil());
        try (Gate gate = gate(afterRotation, new MutableClock(IN_SLOT))) {
            assertThat(scan(gate, oldA).admitted())
                    .as("a retired key still verifies within its validity")
                    .isTrue();
            assertThat(scan(gate, newer).admitted()).isTrue();
        }
        try (Gate gate =
                gate(afterRotation, new MutableClock(retired.validUntil().plusSeconds(1)))) {
            Decision late = scan(gate, oldB);
            assertThat(late.admitted()).isFalse();
            assertThat(late.reason()).as("%s", late).isEqualTo("KEY_RETIRED");
        }

        // the active key is compromised: the server rotates away from it and flags it
        assertThat(ts.post("/admin/v1/keys/" + second + "/compromised", TestServer.ADMIN, "{}")
                        .status())
                .isEqualTo(204);
        String third = ts.server.keys().active().keyId();
        assertThat(third).isNotIn(first, second);
        String afterCompromise = SecurityFixture.book(ts, key, "keys-after");
        assertThat(PassCodec.decode(afterCompromise).keyId())
                .isEqualTo(third.substring(0, 2)); // the first byte of the key id
        // the thief signs a new pass with the stolen key after the compromise
        IssuerKey stolen = IssuerKey.fromEncryptedPem(
                Files.readString(
                        ts.dataDir.resolve("keys").resolve("issuer-" + second + ".pem"), StandardCharsets.US_ASCII),
                "test-passphrase".toCharArray());
        Claims later = PassCodec.decode(newer).claims().toBuilder()
                .passId("STOLEN0000000001")
                .issuedAt(ts.clock.instant().plus(Duration.ofDays(1)))
                .build();
        String stolenPass = new PassIssuer(stolen).issue(later).text();

        SignedKeySet afterFlag = servedKeySet();
        assertThat(afterFlag.verify(device.rootPublicKey()).sequence()).isGreaterThan(ks.sequence());
        assertThat(afterFlag
                        .verify(device.rootPublicKey())
                        .find(second)
                        .orElseThrow()
                        .status())
                .isEqualTo(KeyStatus.COMPROMISED);
        try (Gate gate = gate(afterFlag, new MutableClock(IN_SLOT))) {
            Decision before = scan(gate, newer);
            assertThat(before.admitted()).isFalse();
            assertThat(before.reason()).as("issued before the compromise").isEqualTo("KEY_COMPROMISED");
            Decision after = scan(gate, stolenPass);
            assertThat(after.admitted()).isFalse();
            assertThat(after.reason())
                    .as("made with the stolen key after the compromise")
                    .isEqualTo("KEY_COMPROMISED");
            assertThat(scan(gate, afterCompromise).admitted())
                    .as("the new key's passes")
                    .isTrue();
            assertThat(scan(gate, oldB).admitted())
                    .as("the retired, not compromised, key's passes")
                    .isTrue();
            // nobody rolls the gate back to the set that still trusted the compromised key
            assertThatThrownBy(() -> GateInternals.state(gate).applyKeySet(afterRotation))
                    .isInstanceOfSatisfying(
                            ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STALE_SEQUENCE));
            assertThat(scan(gate, stolenPass).reason())
                    .as("after the attempted rollback")
                    .isEqualTo("KEY_COMPROMISED");
        }
    }
}
