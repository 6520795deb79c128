package io.scenicpass.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.ScenicPassException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 9285 examples (sections 4.3 and 4.4). */
class Base45Test {
    @Test
    void rfcEncodingExamples() {
        assertThat(Base45.encode(bytes("AB"))).isEqualTo("BB8");
        assertThat(Base45.encode(bytes("Hello!!"))).isEqualTo("%69 VD92EX0");
        assertThat(Base45.encode(bytes("base-45"))).isEqualTo("UJCLQE7W581");
        assertThat(Base45.encode(new byte[0])).isEmpty();
    }

    @Test
    void rfcDecodingExample() {
        assertThat(new String(Base45.decode("QED8WEX0"), StandardCharsets.UTF_8))
                .isEqualTo("ietf!");
        assertThat(new String(Base45.decode("%69 VD92EX0"), StandardCharsets.UTF_8))
                .isEqualTo("Hello!!");
    }

    @Test
    void roundTripsRandomBytes() {
        Random r = new Random(45);
        for (int n = 0; n < 300; n++) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            assertThat(Base45.decode(Base45.encode(b))).isEqualTo(b);
        }
    }

    @Test
    void rejectsBadInputWithMalformed() {
        // RFC 9285 section 4.4: "GGW" = 65535 + 1 overflows; lower case is outside the alphabet.
        for (String bad : new String[] {"GGW", "A", "ABCD", "aa", "::", "BB8\u00e9"}) {
            assertThatThrownBy(() -> Base45.decode(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
        }
        assertThat(Base45.decode("FGW")).containsExactly((byte) 0xff, (byte) 0xff);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
