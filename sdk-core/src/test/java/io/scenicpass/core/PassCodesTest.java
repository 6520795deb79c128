package io.scenicpass.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.internal.text.Hex;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issuer codes on passes (ids as CBOR negative integers) and short key ids: bytes, resolution, verification. */
class PassCodesTest {
    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    private static final PassCodes CODES = PassCodes.of(Map.of(
            "issuer", Map.of("0", "huangshan"),
            "product", Map.of("2", "park-entry"),
            "zone", Map.of("0", "park", "1", "cableway"),
            "channel", Map.of("4", "ctrip"),
            "option", Map.of("1", "ignored: a kind this book does not know")));

    private static Claims named() {
        return PassSamples.timed().toBuilder()
                .issuerId("huangshan")
                .productId("park-entry")
                .zone("park", 1)
                .zone("cableway", 1)
                .channelId("ctrip")
                .build();
    }

    @Test
    void codesTravelAsOneByteNegativeIntegersAndDecodeToHashIds() {
        Claims coded = CODES.encode(named());
        assertThat(coded.issuerId()).isEqualTo("#0");
        assertThat(coded.zones()).extracting(ZoneAllowance::zoneId).containsExactly("#0", "#1");
        Pass pass = new PassIssuer(PassSamples.key()).issue(coded);
        String hex = Hex.encode(pass.cose().payload());
        // 02 20 = issuer -1 (code 0); 03 22 = product -3 (code 2); 09 84 20 01 21 01 = zones; 0d 24 = channel -5 (code
        // 4)
        assertThat(hex).contains("0220" + "0322").contains("0984200121010d24");
        Pass decoded = PassCodec.decode(pass.text());
        assertThat(decoded.claims()).isEqualTo(coded);
        assertThat(CODES.resolve(decoded).claims()).isEqualTo(named());
        assertThat(PassCodec.decode(new PassIssuer(PassSamples.key())
                                        .issue(named())
                                        .text())
                                .text()
                                .length()
                        - pass.text().length())
                .as("codes save QR characters")
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void unknownCodesAndPlainIdsStayAsTheyAre() {
        Claims c = PassCodes.NONE.encode(named());
        assertThat(c).isEqualTo(named());
        Claims unknown = named().toBuilder().productId("#9").build();
        assertThat(CODES.resolve(unknown).productId()).isEqualTo("#9");
        assertThat(CODES.resolve(PassCodes.Kind.ZONE, "park")).isEqualTo("park");
        assertThat(PassCodes.of(CODES.toWire())).isEqualTo(CODES);
        assertThat(CODES.toWire()).doesNotContainKey("option");
    }

    @Test
    void resolvingKeepsTheSignedBytesSoThePassStillVerifies() {
        IssuerKey key = PassSamples.key();
        KeySet set = KeySet.of(
                1, NOW, List.of(key.toPublicEntry(NOW.minusSeconds(86400), NOW.plusSeconds(864000), KeyStatus.ACTIVE)));
        Pass pass = CODES.resolve(PassCodec.decode(
                new PassIssuer(key).issue(CODES.encode(named())).text()));
        assertThat(pass.claims().productId()).isEqualTo("park-entry");
        assertThat(new PassVerifier(set).verify(pass, NOW)).isSameAs(pass);
    }

    @Test
    void aOneByteKidFindsItsKeyAndTheSignatureDecidesBetweenKeysSharingIt() {
        SecureRandom random = new SecureRandom();
        IssuerKey a = IssuerKey.generate(random);
        IssuerKey b;
        do {
            b = IssuerKey.generate(random);
        } while (!b.keyId().startsWith(a.keyId().substring(0, 2)) || b.keyId().equals(a.keyId()));
        Instant from = NOW.minusSeconds(86400);
        KeySet set = KeySet.of(
                1,
                NOW,
                List.of(
                        a.toPublicEntry(from, NOW.plusSeconds(86400), KeyStatus.ACTIVE),
                        b.toPublicEntry(from, NOW.plusSeconds(86400), KeyStatus.COMPROMISED)));
        Pass byA = PassCodec.decode(new PassIssuer(a, 1).issue(named()).text());
        Pass byB = PassCodec.decode(new PassIssuer(b, 1).issue(named()).text());
        assertThat(byA.keyId()).hasSize(2).isEqualTo(byB.keyId());
        assertThat(byA.encodedLength())
                .isEqualTo(new PassIssuer(a).issue(named()).encodedLength() - 3);
        PassVerifier verifier = new PassVerifier(set);
        assertThat(verifier.verify(byA, NOW)).isSameAs(byA);
        assertThatThrownBy(() -> verifier.verify(byB, NOW))
                .extracting(e -> ((ScenicPassException) e).code())
                .isEqualTo(ErrorCode.KEY_COMPROMISED);
        KeySet other = KeySet.of(
                1, NOW, List.of(IssuerKey.generate(random).toPublicEntry(from, NOW.plusSeconds(9), KeyStatus.ACTIVE)));
        if (!other.keys().get(0).keyId().startsWith(byA.keyId())) {
            assertThatThrownBy(() -> new PassVerifier(other).verify(byA, NOW))
                    .extracting(e -> ((ScenicPassException) e).code())
                    .isEqualTo(ErrorCode.UNKNOWN_KEY);
        }
        Pass tampered = PassCodec.decode(new PassIssuer(b, 1).issue(named()).encoded());
        KeySet onlyA = KeySet.of(1, NOW, List.of(set.keys().get(0)));
        assertThatThrownBy(() -> new PassVerifier(onlyA).verify(tampered, NOW))
                .extracting(e -> ((ScenicPassException) e).code())
                .isEqualTo(ErrorCode.BAD_SIGNATURE);
    }
}
