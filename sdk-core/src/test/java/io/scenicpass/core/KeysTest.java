package io.scenicpass.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.internal.text.Hex;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class KeysTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2027-01-01T00:00:00Z");
    final SecureRandom random = new SecureRandom();
    final IssuerKey root =
            IssuerKey.fromSeed(Hex.decode("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));

    @Test
    void keyIdDerivesFromThePublicKeyAndToStringHidesTheKey() {
        IssuerKey k = PassSamples.key();
        assertThat(Hex.encode(k.publicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(k.keyId())
                .hasSize(8)
                .isEqualTo(IssuerKey.fromSeed(Hex.decode(PassSamples.SEED_HEX)).keyId());
        assertThat(k.toString()).doesNotContain(PassSamples.SEED_HEX).doesNotContain("d75a98");
        assertThat(IssuerKey.generate(random).keyId()).isNotEqualTo(k.keyId());
    }

    @Test
    void encryptedPemRoundTripsAndRefusesAWrongPassphrase() {
        IssuerKey k = IssuerKey.generate(random);
        String pem = k.toEncryptedPem("correct horse".toCharArray());
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        IssuerKey back = IssuerKey.fromEncryptedPem(pem, "correct horse".toCharArray());
        assertThat(back.keyId()).isEqualTo(k.keyId());
        assertThat(back.sign(new byte[] {1, 2, 3})).isEqualTo(k.sign(new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> IssuerKey.fromEncryptedPem(pem, "Tr0ub4dor".toCharArray()))
                .isInstanceOfSatisfying(ScenicPassException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_PASSPHRASE);
                    assertThat(e.getMessage()).doesNotContain("correct").doesNotContain("Tr0ub4dor");
                });
        assertThatThrownBy(() -> IssuerKey.fromEncryptedPem("not a pem", "x".toCharArray()))
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
    }

    @Test
    void signedKeySetVerifiesOnlyWithThePinnedRoot() {
        IssuerKey issuing = IssuerKey.generate(random);
        KeySet set = KeySet.of(7, T0, Collections.singletonList(issuing.toPublicEntry(T0, T1, KeyStatus.ACTIVE)));
        SignedKeySet signed = set.sign(root);
        SignedKeySet parsed = SignedKeySet.fromJson(signed.toJson());
        assertThat(parsed.rootKeyId()).isEqualTo(root.keyId());
        assertThat(parsed.verify(root.publicKey())).isEqualTo(set);
        assertThat(parsed.verify(root.publicKey()).active(T0.plusSeconds(5)))
                .hasValueSatisfying(e -> assertThat(e.keyId()).isEqualTo(issuing.keyId()));

        IssuerKey other = IssuerKey.generate(random);
        assertCode(() -> parsed.verify(other.publicKey()), ErrorCode.BAD_KEY_SET);
        String forged = signed.toJson().replace(set.sign(root).toJson().substring(30, 40), "AAAAAAAAAA");
        assertCode(() -> SignedKeySet.fromJson(forged).verify(root.publicKey()), ErrorCode.BAD_KEY_SET);
        SignedKeySet byOther = set.sign(other);
        String swapped = byOther.toJson().replace(other.keyId(), root.keyId());
        assertCode(() -> SignedKeySet.fromJson(swapped).verify(root.publicKey()), ErrorCode.BAD_KEY_SET);
        assertCode(() -> SignedKeySet.fromJson("{oops"), ErrorCode.BAD_KEY_SET);
        assertCode(() -> parsed.verify(root.publicKey(), 8), ErrorCode.STALE_SEQUENCE);
    }

    @Test
    void keySetRefusesDuplicateOrForgedKeyIds() {
        IssuerKey a = IssuerKey.generate(random);
        PublicKeyEntry e = a.toPublicEntry(T0, T1, KeyStatus.ACTIVE);
        assertThatThrownBy(() -> KeySet.of(1, T0, Arrays.asList(e, e))).isInstanceOf(IllegalArgumentException.class);
        PublicKeyEntry forged = PublicKeyEntry.of("00000000", Algorithm.EDDSA, a.publicKey(), T0, T1, KeyStatus.ACTIVE);
        assertThatThrownBy(() -> KeySet.of(1, T0, Collections.singletonList(forged)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rotationRetiredKeysVerifyUntilValidUntilCompromisedNever() {
        IssuerKey old = IssuerKey.generate(random);
        IssuerKey current = IssuerKey.generate(random);
        Instant oldEnd = Instant.parse("2026-08-01T00:00:00Z");
        Pass oldPass = new PassIssuer(old).issue(PassSamples.timed());
        Pass newPass = new PassIssuer(current).issue(PassSamples.timed());
        KeySet rotated = KeySet.of(
                2,
                T0,
                Arrays.asList(
                        old.toPublicEntry(T0, oldEnd, KeyStatus.RETIRED),
                        current.toPublicEntry(T0, T1, KeyStatus.ACTIVE)));
        PassVerifier v = new PassVerifier(rotated);
        Instant before = Instant.parse("2026-07-01T10:00:00Z");
        assertThat(v.verify(oldPass, before).claims()).isEqualTo(PassSamples.timed());
        assertThat(v.verify(newPass, before)).isSameAs(newPass);
        assertCode(() -> v.verify(oldPass, oldEnd), ErrorCode.KEY_RETIRED);
        assertThat(rotated.active(before))
                .hasValueSatisfying(e -> assertThat(e.keyId()).isEqualTo(current.keyId()));

        KeySet compromised = KeySet.of(
                3,
                T0,
                Arrays.asList(
                        rotated.keys().get(0).withStatus(KeyStatus.COMPROMISED),
                        rotated.keys().get(1)));
        PassVerifier v3 = new PassVerifier(compromised);
        assertCode(() -> v3.verify(oldPass, before), ErrorCode.KEY_COMPROMISED);
        assertThat(v3.verify(newPass, before)).isSameAs(newPass);

        PassVerifier onlyOld = new PassVerifier(
                KeySet.of(4, T0, Collections.singletonList(old.toPublicEntry(T0, T1, KeyStatus.ACTIVE))));
        assertCode(() -> onlyOld.verify(newPass, before), ErrorCode.UNKNOWN_KEY);
    }

    @Test
    void badSignatureIsRefused() {
        IssuerKey k = PassSamples.key();
        Pass p = new PassIssuer(k).issue(PassSamples.timed());
        byte[] raw = p.encoded();
        raw[raw.length - 5] ^= 0x40;
        PassVerifier v = new PassVerifier(
                KeySet.of(1, T0, Collections.singletonList(k.toPublicEntry(T0, T1, KeyStatus.ACTIVE))));
        assertCode(() -> v.decodeAndVerify(raw, T0), ErrorCode.BAD_SIGNATURE);
        byte[] payloadFlip = p.encoded();
        payloadFlip[30] ^= 0x01;
        assertThatThrownBy(() -> v.decodeAndVerify(payloadFlip, T0)).isInstanceOf(ScenicPassException.class);
        assertThat(v.decodeAndVerify(p.text(), T0).claims()).isEqualTo(PassSamples.timed());
    }

    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
