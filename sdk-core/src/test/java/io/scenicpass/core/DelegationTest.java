package io.scenicpass.core;

import static io.scenicpass.core.KeysTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys delegated to a device: in the signed key set, and a pass of theirs verifies only within scope and validity. */
class DelegationTest {
    static final Instant NOT_BEFORE = Instant.parse("2026-07-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2026-07-04T00:00:00Z");
    static final Instant NOON = Instant.parse("2026-07-02T12:00:00Z");
    final SecureRandom random = new SecureRandom();
    final IssuerKey root = IssuerKey.generate(random);
    final IssuerKey issuer = IssuerKey.generate(random);
    final IssuerKey device = IssuerKey.generate(random);
    final Delegation scope = Delegation.of("dev-1", Arrays.asList("T1", "T2"), NOT_BEFORE, NOT_AFTER, 10);

    KeySet keySet(Delegation d) {
        return KeySet.of(
                5,
                NOT_BEFORE,
                Arrays.asList(
                        issuer.toPublicEntry(NOT_BEFORE, NOT_AFTER.plusSeconds(86400 * 365), KeyStatus.ACTIVE),
                        PublicKeyEntry.delegated(device.publicKey(), NOT_BEFORE, NOT_AFTER, d)));
    }

    Claims.Builder claims(int serial) {
        return Claims.builder()
                .passId(Delegation.passId(device.keyId(), serial))
                .issuerId("HS")
                .productId("T1")
                .validFrom(Instant.parse("2026-07-02T00:00:00Z"))
                .validUntil(Instant.parse("2026-07-03T00:00:00Z"))
                .issuedAt(NOON.minusSeconds(3600));
    }

    Pass sign(Claims c) {
        return new PassIssuer(device).issue(c);
    }

    @Test
    void theDelegationTravelsInTheSignedKeySetAndIsNeverTheIssuersActiveKey() {
        KeySet set = keySet(scope);
        KeySet back = SignedKeySet.fromJson(set.sign(root).toJson()).verify(root.publicKey());
        assertThat(back).isEqualTo(set);
        assertThat(back.find(device.keyId()).orElseThrow().delegation()).contains(scope);
        assertThat(back.active(NOON))
                .hasValueSatisfying(k -> assertThat(k.keyId()).isEqualTo(issuer.keyId()));
    }

    @Test
    void aKeySetWithoutDelegationsKeepsItsFormAndParses() {
        KeySet old = KeySet.of(
                1,
                NOT_BEFORE,
                Collections.singletonList(issuer.toPublicEntry(NOT_BEFORE, NOT_AFTER, KeyStatus.ACTIVE)));
        SignedKeySet signed = old.sign(root);
        assertThat(new String(java.util.Base64.getUrlDecoder()
                        .decode(signed.toJson().split("\"keySet\":\"")[1].split("\"")[0])))
                .doesNotContain("delegation");
        KeySet back = SignedKeySet.fromJson(signed.toJson()).verify(root.publicKey());
        assertThat(back).isEqualTo(old);
        assertThat(back.keys().get(0).delegation()).isEmpty();
    }

    @Test
    void aPassInScopeVerifies() {
        Pass p = sign(claims(1).build());
        assertThat(new PassVerifier(keySet(scope)).verify(p, NOON)).isSameAs(p);
        Pass last = sign(claims(10).productId("T2").build());
        assertThat(new PassVerifier(keySet(scope))
                        .decodeAndVerify(last.text(), NOON)
                        .claims()
                        .productId())
                .isEqualTo("T2");
    }

    @Test
    void aPassOutsideTheScopeIsRefused() {
        PassVerifier v = new PassVerifier(keySet(scope));
        assertCode(() -> v.verify(sign(claims(1).productId("CABLE").build()), NOON), ErrorCode.DELEGATION_OUT_OF_SCOPE);
        assertCode(
                () -> v.verify(
                        sign(claims(1)
                                .validFrom(Instant.parse("2026-07-04T00:00:00Z"))
                                .validUntil(Instant.parse("2026-07-05T00:00:00Z"))
                                .build()),
                        NOON),
                ErrorCode.DELEGATION_OUT_OF_SCOPE);
        assertCode(() -> v.verify(sign(claims(11).build()), NOON), ErrorCode.DELEGATION_OUT_OF_SCOPE);
        assertCode(
                () -> v.verify(
                        sign(claims(1)
                                .passId(Delegation.passId(issuer.keyId(), 1))
                                .build()),
                        NOON),
                ErrorCode.DELEGATION_OUT_OF_SCOPE);
        assertCode(
                () -> v.verify(sign(claims(1).passId("0J5W2R8ZK3M9Q").build()), NOON),
                ErrorCode.DELEGATION_OUT_OF_SCOPE);
    }

    @Test
    void codedProductIdsAreResolvedBeforeTheScopeCheck() {
        PassCodes codes = PassCodes.of(Map.of("product", Map.of("3", "T1")));
        KeySet set = KeySet.of(5, NOT_BEFORE, keySet(scope).keys(), codes);
        Pass coded = sign(codes.encode(claims(2).build()));
        assertThat(coded.claims().productId()).isEqualTo("#3");
        assertThat(new PassVerifier(set).verify(coded, NOON)).isSameAs(coded);
    }

    @Test
    void outsideItsValidityTheKeyIsExpired() {
        PassVerifier v = new PassVerifier(keySet(scope));
        Pass p = sign(claims(1).build());
        assertCode(() -> v.verify(p, NOT_AFTER), ErrorCode.DELEGATION_EXPIRED);
        assertCode(() -> v.verify(p, NOT_BEFORE.minusSeconds(1)), ErrorCode.DELEGATION_EXPIRED);
    }

    @Test
    void aRevokedKeyIsRefusedAndOlderGatesSeeItCompromised() {
        Delegation revoked = scope.revoked(NOON.minusSeconds(60));
        KeySet set = keySet(revoked);
        assertThat(set.find(device.keyId()).orElseThrow().status()).isEqualTo(KeyStatus.COMPROMISED);
        assertCode(() -> new PassVerifier(set).verify(sign(claims(1).build()), NOON), ErrorCode.KEY_REVOKED);
    }

    @Test
    void aRevocationHonoursThePassesTheIssuerAlreadyHad() {
        Pass synced = sign(claims(1).build());
        Pass unsynced = sign(claims(2).build());
        KeySet set = keySet(scope.revoked(
                NOON.minusSeconds(60), Collections.singletonList(synced.claims().passId())));
        KeySet back = SignedKeySet.fromJson(set.sign(root).toJson()).verify(root.publicKey());
        assertThat(back).isEqualTo(set);
        PassVerifier v = new PassVerifier(back);
        assertThat(v.verify(synced, NOON)).isSameAs(synced);
        assertCode(() -> v.verify(unsynced, NOON), ErrorCode.KEY_REVOKED);
        assertCode(() -> v.verify(synced, NOT_AFTER), ErrorCode.DELEGATION_EXPIRED);
        byte[] raw = synced.encoded();
        raw[raw.length - 2] ^= 0x04;
        assertCode(() -> v.decodeAndVerify(raw, NOON), ErrorCode.BAD_SIGNATURE);
    }

    @Test
    void aDelegatedKeyMarkedCompromisedWithoutARevocationIsRefused() {
        KeySet set = KeySet.of(
                5,
                NOT_BEFORE,
                Collections.singletonList(PublicKeyEntry.delegated(device.publicKey(), NOT_BEFORE, NOT_AFTER, scope)
                        .withStatus(KeyStatus.COMPROMISED)));
        assertCode(() -> new PassVerifier(set).verify(sign(claims(1).build()), NOON), ErrorCode.KEY_COMPROMISED);
    }

    @Test
    void aTamperedPassIsABadSignatureNotAScopeQuestion() {
        byte[] raw = sign(claims(1).build()).encoded();
        raw[raw.length - 3] ^= 0x10;
        assertCode(() -> new PassVerifier(keySet(scope)).decodeAndVerify(raw, NOON), ErrorCode.BAD_SIGNATURE);
    }

    @Test
    void serialsRoundTripAndBelongToOneKey() {
        String id = Delegation.passId(device.keyId(), 42);
        assertThat(Ids.isCompactPassId(id)).isTrue();
        assertThat(Delegation.serial(device.keyId(), id)).isEqualTo(42);
        assertThat(Delegation.serial(issuer.keyId(), id)).isEqualTo(-1);
        assertThat(Delegation.serial(device.keyId(), "not-an-id")).isEqualTo(-1);
    }
}
