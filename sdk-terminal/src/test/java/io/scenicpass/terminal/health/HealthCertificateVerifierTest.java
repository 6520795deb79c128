package io.scenicpass.terminal.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.codec.Base45;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthCertificateVerifierTest {
    private static DgcCorpus.Case de1;

    @BeforeAll
    static void loadCorpus() throws Exception {
        Path dgc = DgcCorpus.folder().orElse(null);
        if (dgc == null) {
            System.err.println(
                    "!!!!! DCC corpus (testdata/dgc) NOT FOUND: HealthCertificateVerifierTest SKIPPED !!!!!");
        }
        Assumptions.assumeTrue(dgc != null, "testdata/dgc missing");
        List<DgcCorpus.Case> cases = DgcCorpus.load(dgc);
        de1 = cases.stream().filter(c -> c.id().equals("DE/1")).findFirst().orElseThrow(AssertionError::new);
    }

    private static HealthCertificateVerifier verifier(Instant now) {
        return HealthCertificateVerifier.builder()
                .trustList(DccTrustList.parse(de1.certificate()))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    @Test
    void validCertificateShowsHolderForTheDisplay() {
        HealthCertificateResult r = verifier(de1.clock()).verify(de1.text("PREFIX"));
        assertThat(r.reason()).isEqualTo(HealthCertificateReason.VALID);
        assertThat(r.valid()).isTrue();
        assertThat(r.familyName())
                .hasValue(de1.node.path("JSON").path("nam").path("fn").asText());
        assertThat(r.givenName())
                .hasValue(de1.node.path("JSON").path("nam").path("gn").asText());
        assertThat(r.dateOfBirth()).hasValue(de1.node.path("JSON").path("dob").asText());
        assertThat(r.type()).hasValue(HealthCertificateType.VACCINATION);
        assertThat(r.issuerCountry()).hasValue("DE");
        assertThat(r.toString())
                .doesNotContain(r.familyName().get())
                .doesNotContain(r.dateOfBirth().get());
    }

    @Test
    void expiryIsCheckedAgainstTheInjectedClock() {
        HealthCertificateResult valid = verifier(de1.clock()).verify(de1.text("PREFIX"));
        Instant exp = valid.expiresAt().orElseThrow(AssertionError::new);
        Instant iat = valid.issuedAt().orElseThrow(AssertionError::new);
        assertThat(verifier(exp.plusSeconds(1)).verify(de1.text("PREFIX")).reason())
                .isEqualTo(HealthCertificateReason.EXPIRED);
        assertThat(verifier(exp).verify(de1.text("PREFIX")).valid()).isTrue();
        assertThat(verifier(iat.minusSeconds(1)).verify(de1.text("PREFIX")).reason())
                .isEqualTo(HealthCertificateReason.NOT_YET_VALID);
        HealthCertificateResult expired = verifier(exp.plusSeconds(1)).verify(de1.text("PREFIX"));
        assertThat(expired.familyName()).as("name still shown for staff").isPresent();
    }

    @Test
    void pluggedIntoTheGateEngineAsItsHealthCheck() {
        io.scenicpass.terminal.rules.HealthCertificateCheck check =
                verifier(de1.clock()).asGateCheck();
        assertThat(check.check(de1.text("PREFIX"), de1.clock())).isEqualTo("OK");
        assertThat(check.check(de1.text("PREFIX"), Instant.parse("2030-01-01T00:00:00Z")))
                .isEqualTo("EXPIRED");
        assertThat(check.check("garbage", de1.clock())).isEqualTo("MALFORMED_PREFIX");
    }

    @Test
    void signerMissingFromTrustListIsUnknownSigner() {
        HealthCertificateVerifier v = HealthCertificateVerifier.builder()
                .trustList(DccTrustList.empty())
                .build();
        assertThat(v.verify(de1.text("PREFIX"), de1.clock()).reason())
                .isEqualTo(HealthCertificateReason.UNKNOWN_SIGNER);
    }

    @Test
    void garbageNeverThrowsAndGetsAReason() {
        HealthCertificateVerifier v = verifier(de1.clock());
        assertThat(v.verify(null).reason()).isEqualTo(HealthCertificateReason.MALFORMED_PREFIX);
        assertThat(v.verify("").reason()).isEqualTo(HealthCertificateReason.MALFORMED_PREFIX);
        assertThat(v.verify("SP1ABC").reason()).isEqualTo(HealthCertificateReason.MALFORMED_PREFIX);
        assertThat(v.verify("HC1:").reason()).isEqualTo(HealthCertificateReason.COMPRESSION);
        assertThat(v.verify("HC1:a").reason()).isEqualTo(HealthCertificateReason.BASE45);
        assertThat(v.verify("HC1:" + Base45.encode(zlib(new byte[] {1, 2, 3}))).reason())
                .isEqualTo(HealthCertificateReason.COSE);
        Random random = new Random(42);
        String prefix = de1.text("PREFIX");
        for (int i = 0; i < 2000; i++) {
            char[] chars = prefix.toCharArray();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                int at = 4 + random.nextInt(chars.length - 4);
                chars[at] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".charAt(random.nextInt(45));
            }
            HealthCertificateResult r = v.verify(new String(chars));
            assertThat(r.reason()).isNotNull();
        }
    }

    @Test
    void decompressionBombIsRefused() {
        byte[] huge = zlib(new byte[1024 * 1024]);
        HealthCertificateResult r = verifier(de1.clock()).verify("HC1:" + Base45.encode(huge));
        assertThat(r.reason()).isEqualTo(HealthCertificateReason.COMPRESSION);
    }

    @Test
    void trustListReadsPemAndBase64LinesAndDerivesKeyIds() throws Exception {
        String b64 = de1.certificate();
        StringBuilder pem = new StringBuilder("# signer certificates\n-----BEGIN CERTIFICATE-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            pem.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        pem.append("-----END CERTIFICATE-----\n\n");
        DccTrustList fromPem = DccTrustList.parse(pem.toString());
        DccTrustList fromLine = DccTrustList.parse("\n" + b64 + "\n");
        assertThat(fromPem.size()).isEqualTo(1);
        assertThat(fromLine.size()).isEqualTo(1);
        byte[] coseKid = DccSteps.cose(DccSteps.inflate(DccSteps.base45(DccSteps.unprefix(de1.text("PREFIX")))))
                .keyId()
                .orElseThrow(AssertionError::new);
        assertThat(fromPem.find(coseKid))
                .as("kid = first 8 bytes of SHA-256(DER)")
                .isPresent();
        assertThat(fromLine.find(coseKid)).isPresent();
        assertThat(fromLine.find(new byte[8])).isEmpty();
        assertThatThrownBy(() -> DccTrustList.parse(b64 + "\nnot-a-certificate\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> DccTrustList.parse("-----BEGIN CERTIFICATE-----\n" + b64))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] zlib(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
            z.write(data);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
