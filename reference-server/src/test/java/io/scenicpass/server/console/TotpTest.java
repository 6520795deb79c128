package io.scenicpass.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** TOTP against RFC 6238 Appendix B's SHA-1 vectors, and the window and format rules of {@link Totp#verify}. */
class TotpTest {
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238Sha1Vectors() {
        long[][] vectors = {
            {59L, 94287082L},
            {1111111109L, 7081804L},
            {1111111111L, 14050471L},
            {1234567890L, 89005924L},
            {2000000000L, 69279037L},
            {20000000000L, 65353130L}
        };
        for (long[] v : vectors) {
            assertThat(Totp.code(RFC_SECRET, Totp.step(v[0] * 1000), 8, "HmacSHA1"))
                    .as("T=%d", v[0])
                    .isEqualTo(String.format("%08d", v[1]));
        }
    }

    @Test
    void verifiesTheCodeOfThisStepOrOneEitherSideOnly() {
        String secret = Totp.base32(RFC_SECRET);
        assertThat(Totp.unbase32(secret)).isEqualTo(RFC_SECRET);
        long t = 1111111111_000L;
        String code = Totp.code(RFC_SECRET, Totp.step(t), 6, "HmacSHA1");
        assertThat(code).isEqualTo("050471"); // the vector's last 6 digits
        assertThat(Totp.verify(secret, code, t)).isEqualTo(Totp.step(t));
        assertThat(Totp.verify(secret, code, t + 30_000)).isEqualTo(Totp.step(t));
        assertThat(Totp.verify(secret, code, t + 60_000)).isEqualTo(-1);
        assertThat(Totp.verify(secret, "12345", t)).isEqualTo(-1);
        assertThat(Totp.verify(secret, null, t)).isEqualTo(-1);
        String fresh = Totp.newSecret(new SecureRandom());
        assertThat(fresh).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.uri("ScenicPass", "li lei", fresh))
                .isEqualTo("otpauth://totp/ScenicPass:li%20lei?secret=" + fresh
                        + "&issuer=ScenicPass&algorithm=SHA1&digits=6&period=30");
    }
}
