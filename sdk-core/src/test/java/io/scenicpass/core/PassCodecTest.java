package io.scenicpass.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.codec.Base45;
import io.scenicpass.core.cose.CoseSign1;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassCodecTest {
    /** The deterministic test vectors printed in docs/protocol.md (seed {@link PassSamples#SEED_HEX}). */
    static final Map<String, String> VECTORS = new LinkedHashMap<>();

    static {
        List<String> v = new ArrayList<>();
        v.add(
                "SP1PWGSLK/-4QR836W8CSE6B0XK 49X/22POID6..65JCBMAHJC*86$PG3A0CJD*23Q73GYU288DM9K:H%8TH47IXEAHUI7P6REQ-AEDN8TGQ6847S$RN6CW4342A7U/PT+GW5GYM224TVWASUNDHMYRDQ80TUDIHPV.8.L500");
        v.add(
                "SP1PWGSLK/-4QR836W8CSM6BV%K 49X/22POID6..65JCBMAHJC*86$PG3A0.5DF73ZAK4%11$0C7376BDS7+48V-A+K7*$695U2EKH/3:MPVV1SWPFR2X7QQQD5BUZVOG10B*3SES55CQXSTOQJULXWT68M*K7ANTDL4XA48OV6IPUH6VV6C0");
        v.add(
                "SP1PWGSLK/-4QR836W8CSH6BV%K 49X/22POID6..65JCBMAHJC%86500$PG3A0.5DF73ZAK4%127B9/CF+H:3HLPC3729O9 HV.Z0ZOABXN$:P4 3D.6PW5U1T24F/YD*/OQ8U83BE:N:J4%VVO97T5K3U6F3JMH62.43GSCKEFQT");
        v.add(
                "SP1PWGSLK/-4QR836W8CSL6B35L 49X/22POID6..65JCBMAHJC%86MB0$PG3A0.5DF73ZAK4%1$*0O0127BY/H+IQR3AP:S1MLD6IT6OOZIR2F4ANH/0 25E5FGQKLI9ADG5 O GAR:FA:9WFH.NOTUIOC7FJ8SLO*/R8HNPB02I3*RH1Q6");
        v.add(
                "SP1PWGSLK/-4QR836W8CS%6BYAL 49X/22POID6..65JCBMAHJC%86MB0$PG3A0.5DF73ZAK4%1$*0O01891RUCIB8X%93 CBB8+S9SB0T70848M39$RAB C/WI8PB63LXWU4AKOVJ.4QSU9YM9T0JS L NCEG5:/ERX4IV8PT2GJT5$L*-TUBIMFN4MF:6S%DU/SKRLGJZPB0");
        v.add(
                "SP1PWGSLK/-4QR836W8CSQ6BKGL 49X/22POID6..65JCBMAHJC%868H0$PG3A0.5DQ73*ES4%1$*0O01WS1MT1PK3N48N%BPMR2MG3$6DVHT3CVWIEHAVMO$-5/$GQ:P 8H7QM4FKPUA0GF/01-BSZ1L /8F3MG.FRPG.3V+M5NZU*CQB954GQ0.6D0");
        v.add(
                "SP1PWGSLK/-4QR836W8CS-6BYAL 49X/22POID6..65JCBMAHJC%86*M0$PG3A0.5D-C3S01R244%1$*0P01GJ1OGDOIHM7A8CV UH4NL:CF6SI27B6B5+1JNPTEN5:FULN6/M3JVMM13QZ6*Y9DC0GJQKAD4DAO9Q7UK2KLVXBFFCQTRP*E6WTIP3IH8FNPRZKGT5WCKXPQ3VV3:J");
        v.add(
                "SP1PWGSLK/-4QR836W8CSV6B35L 49X/22POID6..65JCBMAHJC%86PS0$PG3A0.5DF73ZAK4%1JC1N734EDETAMW5VTA3C927BGP1-O3KH3L6HZ231%0SIJNVMSA4T-K6$0W8M9S32CS/CPH5SI3N4+RM$N% M+354MHFOD711 16/+FVIB *IPOOLQ5V12QSB");
        int i = 0;
        for (String name : PassSamples.all().keySet()) {
            VECTORS.put(name, v.get(i++));
        }
    }

    static final String KEY_ID = "21fe31df";
    final PassIssuer issuer = new PassIssuer(PassSamples.key());

    @Test
    void vectorsAreExact() {
        assertThat(PassSamples.key().keyId()).isEqualTo(KEY_ID);
        for (Map.Entry<String, Claims> e : PassSamples.all().entrySet()) {
            assertThat(issuer.issue(e.getValue()).text()).as(e.getKey()).isEqualTo(VECTORS.get(e.getKey()));
        }
    }

    @Test
    void everyKindRoundTripsThroughTextAndRawBytes() {
        for (Claims c : PassSamples.all().values()) {
            Pass p = issuer.issue(c);
            assertThat(PassCodec.decode(p.text()).claims()).isEqualTo(c);
            assertThat(PassCodec.decode(p.encoded()).claims()).isEqualTo(c);
            assertThat(PassCodec.decode(p.text()).keyId()).isEqualTo(issuer.keyId());
            assertThat(p.text()).matches("[0-9A-Z $%*+\\-./:]+");
        }
    }

    @Test
    void standardTimedPassFitsQrVersion7M() {
        Pass p = issuer.issue(PassSamples.timed());
        assertThat(p.text().length()).isLessThanOrEqualTo(170);
        assertThat(p.claims().slotStart()).contains(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(p.claims().entriesAllowed()).isEqualTo(1);
    }

    @Test
    void toleratesScannerWhitespace() {
        for (int i = 0; i < 200; i++) {
            Claims c = PassSamples.timed().toBuilder().productId("P" + i).build();
            Pass p = issuer.issue(c);
            assertThat(p.text()).doesNotEndWith(" ");
            assertThat(PassCodec.decode("  " + p.text() + "\r\n").claims()).isEqualTo(c);
        }
    }

    @Test
    void acceptsTaggedCoseToo() {
        Pass p = issuer.issue(PassSamples.timed());
        byte[] tagged = new byte[p.encodedLength() + 1];
        tagged[0] = (byte) 0xD2;
        System.arraycopy(p.encoded(), 0, tagged, 1, p.encodedLength());
        assertThat(PassCodec.decode(tagged).claims()).isEqualTo(p.claims());
    }

    @Test
    void typedErrorsForBadInput() {
        assertCode(() -> PassCodec.decode((String) null), ErrorCode.MALFORMED);
        assertCode(() -> PassCodec.decode("HC1:NCFOXN%TS3DH3ZSUZK+.V0ET"), ErrorCode.MALFORMED);
        assertCode(() -> PassCodec.decode("SP2ABCDEF"), ErrorCode.UNSUPPORTED_VERSION);
        assertCode(() -> PassCodec.decode("SP1abc"), ErrorCode.MALFORMED);
        assertCode(() -> PassCodec.decode(new byte[0]), ErrorCode.MALFORMED);
        String text = issuer.issue(PassSamples.timed()).text();
        assertCode(() -> PassCodec.decode(text.substring(0, text.length() - 3)), ErrorCode.MALFORMED);
    }

    @Test
    void newerFormatVersionClaimIsRefusedAndUnknownClaimsIgnored() {
        IssuerKey key = PassSamples.key();
        byte[] prot = CoseSign1.protectedHeader(-8, io.scenicpass.core.internal.text.Hex.decode(key.keyId()));
        byte[] claims = io.scenicpass.core.internal.text.Hex.decode(
                // {0: 2, 1: "X", 2: "A", 3: "B", 5: [29000000, 60, 0]}
                "A5" + "0002" + "016158" + "026141" + "036142" + "0583" + "1A01BA8140" + "183C" + "00");
        byte[] v2 = CoseSign1.signEd25519(key, prot, java.util.Collections.emptyMap(), claims, false);
        assertCode(() -> PassCodec.decode(v2), ErrorCode.UNSUPPORTED_VERSION);
        byte[] unknown = io.scenicpass.core.internal.text.Hex.decode(
                // {1: "X", 2: "A", 3: "B", 5: [...], 99: {"future": [1, 2]}}
                "A5" + "016158" + "026141" + "036142" + "0583" + "1A01BA8140" + "183C" + "00" + "1863" + "A166"
                        + "667574757265" + "820102");
        Pass p = PassCodec.decode(CoseSign1.signEd25519(key, prot, java.util.Collections.emptyMap(), unknown, false));
        assertThat(p.claims().passId()).isEqualTo("X");
        assertThat(p.claims().kind()).isEqualTo(PassKind.TIMED_SLOT);
        assertThat(p.claims().validFrom()).isEqualTo(Instant.ofEpochSecond(29_000_000L * 60));
    }

    @Test
    void ageBoundsAreClaims15And16AndAbsentWhenUnset() {
        Claims plain = PassSamples.timed();
        Claims senior = plain.toBuilder().concession(true).minAge(60).build();
        Claims child = plain.toBuilder().concession(true).minAge(6).maxAge(18).build();
        assertThat(PassCodec.decode(issuer.issue(senior).text()).claims()).isEqualTo(senior);
        assertThat(PassCodec.decode(issuer.issue(senior).text()).claims().minAge())
                .hasValue(60);
        assertThat(PassCodec.decode(issuer.issue(senior).text()).claims().maxAge())
                .isEmpty();
        assertThat(PassCodec.decode(issuer.issue(child).text()).claims().maxAge())
                .hasValue(18);
        assertThat(child).isNotEqualTo(senior);
        // the senior payload ends with 12: true, 15: 60 (0F 18 3C)
        String hex = io.scenicpass.core.internal.text.Hex.encode(
                issuer.issue(senior).cose().payload());
        assertThat(hex.toUpperCase()).endsWith("0CF50F183C");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> plain.toBuilder().minAge(19).maxAge(18).build())
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> plain.toBuilder().maxAge(151).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlinePreferredIsClaim14AndAbsentWhenFalse() {
        Claims plain = PassSamples.timed();
        Claims flagged = plain.toBuilder().onlinePreferred(true).build();
        assertThat(plain.onlinePreferred()).isFalse();
        Pass p = issuer.issue(flagged);
        assertThat(PassCodec.decode(p.text()).claims().onlinePreferred()).isTrue();
        assertThat(PassCodec.decode(p.text()).claims()).isEqualTo(flagged).isNotEqualTo(plain);
        // the flagged payload is the plain one plus the pair 14: true (0E F5) at the end, map header + 1
        String without = io.scenicpass.core.internal.text.Hex.encode(
                issuer.issue(plain).cose().payload());
        String with = io.scenicpass.core.internal.text.Hex.encode(p.cose().payload());
        String header = Integer.toHexString(Integer.parseInt(without.substring(0, 2), 16) + 1);
        assertThat(with.toUpperCase()).isEqualTo((header + without.substring(2) + "0ef5").toUpperCase());
        // a non-boolean value is malformed, like any other badly typed claim
        IssuerKey key = PassSamples.key();
        byte[] prot = CoseSign1.protectedHeader(-8, io.scenicpass.core.internal.text.Hex.decode(key.keyId()));
        byte[] bad = io.scenicpass.core.internal.text.Hex.decode(
                // {1: "X", 2: "A", 3: "B", 5: [...], 14: 1}
                "A5" + "016158" + "026141" + "036142" + "0583" + "1A01BA8140" + "183C" + "00" + "0E01");
        assertCode(
                () -> PassCodec.decode(CoseSign1.signEd25519(key, prot, java.util.Collections.emptyMap(), bad, false)),
                ErrorCode.MALFORMED);
    }

    @Test
    void dailyTermsAreClaims17To19AndAbsentWhenUnset() {
        Claims plain = PassSamples.timed();
        Claims annual = plain.toBuilder()
                .kind(PassKind.ANNUAL)
                .entriesAllowed(0)
                .entriesPerDay(1)
                .daysAllowed(2)
                .activationRequired(true)
                .build();
        Claims decoded = PassCodec.decode(issuer.issue(annual).text()).claims();
        assertThat(decoded).isEqualTo(annual).isNotEqualTo(plain);
        assertThat(decoded.entriesPerDay()).isEqualTo(1);
        assertThat(decoded.daysAllowed()).isEqualTo(2);
        assertThat(decoded.activationRequired()).isTrue();
        // a pass without them encodes as before (the vectors are unchanged) and reads back as no daily terms
        Claims old = PassCodec.decode(issuer.issue(plain).text()).claims();
        assertThat(old.entriesPerDay()).isZero();
        assertThat(old.daysAllowed()).isZero();
        assertThat(old.activationRequired()).isFalse();
        // the payload ends with 17: 1, 18: 2, 19: true (11 01 12 02 13 F5)
        String hex = io.scenicpass.core.internal.text.Hex.encode(
                issuer.issue(annual).cose().payload());
        assertThat(hex.toUpperCase()).endsWith("110112021" + "3F5");
        // day n of a pass: 24-hour steps from validFrom
        assertThat(annual.dayOf(annual.validFrom())).isZero();
        assertThat(annual.dayOf(annual.validFrom().plusSeconds(86_399))).isZero();
        assertThat(annual.dayOf(annual.validFrom().plusSeconds(86_400))).isEqualTo(1);
        assertThat(annual.dayOf(annual.validFrom().minusSeconds(1))).isEqualTo(-1);
        assertThatThrownBy(() -> plain.toBuilder().entriesPerDay(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numericAndCompactIdsKeepTheirStringForm() {
        Claims c = PassSamples.timed().toBuilder()
                .passId("0123")
                .issuerId("007")
                .productId("1001")
                .channelId("99")
                .build();
        assertThat(PassCodec.decode(issuer.issue(c).text()).claims()).isEqualTo(c);
    }

    @Test
    void base45OfRawEqualsText() {
        Pass p = issuer.issue(PassSamples.timed());
        assertThat(Base45.decode(p.text().substring(3))).isEqualTo(p.encoded());
    }

    static int payloadLength(Pass p) {
        return p.cose().payload().length;
    }

    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
