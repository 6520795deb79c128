package io.scenicpass.core.internal.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.internal.text.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Jackson's CBORGenerator, as we drive it, emits RFC 8949 section 4.2.1 deterministic heads. */
class DeterministicCborTest {
    static byte[] head(int major, long len) {
        int m = major << 5;
        if (len < 24) {
            return new byte[] {(byte) (m | len)};
        } else if (len < 256) {
            return new byte[] {(byte) (m | 24), (byte) len};
        } else if (len < 65536) {
            return new byte[] {(byte) (m | 25), (byte) (len >> 8), (byte) len};
        }
        return new byte[] {(byte) (m | 26), (byte) (len >> 24), (byte) (len >> 16), (byte) (len >> 8), (byte) len};
    }

    @Test
    void textByteStringAndContainerHeadsAreMinimal() {
        for (int n = 0; n < 700; n += (n < 300 ? 1 : 37)) {
            for (String unit : new String[] {"a", "\u00e9", "\u666f"}) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    sb.append(unit);
                }
                String s = sb.toString();
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                byte[] enc = Cbor.encode(g -> g.writeString(s));
                byte[] h = head(3, utf8.length);
                assertThat(Arrays.copyOf(enc, h.length))
                        .as("text of %d x %s", n, unit)
                        .isEqualTo(h);
                assertThat(enc.length).isEqualTo(h.length + utf8.length);
            }
            byte[] bin = new byte[n];
            byte[] enc = Cbor.encode(g -> g.writeBinary(bin));
            assertThat(Arrays.copyOf(enc, head(2, n).length)).isEqualTo(head(2, n));
            int size = n;
            byte[] arr = Cbor.encode(g -> {
                g.writeStartArray(null, size);
                for (int i = 0; i < size; i++) {
                    g.writeNumber(0);
                }
                g.writeEndArray();
            });
            assertThat(Arrays.copyOf(arr, head(4, n).length)).isEqualTo(head(4, n));
        }
    }

    @Test
    void integersAreMinimal() {
        long[] values = {0, 23, 24, 255, 256, 65535, 65536, 4294967295L, 4294967296L, -1, -24, -25, -256, -257};
        String[] expected = {
            "00",
            "17",
            "1818",
            "18ff",
            "190100",
            "19ffff",
            "1a00010000",
            "1affffffff",
            "1b0000000100000000",
            "20",
            "37",
            "3818",
            "38ff",
            "390100"
        };
        for (int i = 0; i < values.length; i++) {
            long v = values[i];
            assertThat(Hex.encode(Cbor.encode(g -> g.writeNumber(v))))
                    .as("%d", v)
                    .isEqualTo(expected[i]);
        }
    }
}
