package io.scenicpass.terminal.internal.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.DeviceFaultCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class FramerProperties {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 300)
    void lineFramerNeverThrowsAndRecoversAfterGarbage(
            @ForAll @Size(max = 300) List<Byte> garbage,
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String code) {
        LineFramer f = new LineFramer(new byte[] {'\r'}, "", "", 64, Duration.ofMillis(100));
        List<String> lines = new ArrayList<>();
        LineFramer.Sink sink = new LineFramer.Sink() {
            @Override
            public void onLine(String line, byte[] raw) {
                lines.add(line);
            }

            @Override
            public void onError(DeviceFaultCode c, String message) {}
        };
        byte[] g = new byte[garbage.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = garbage.get(i);
        }
        f.feed(g, g.length, T, sink);
        f.idle(T.plusSeconds(1), sink); // a partial garbage line is dropped after the timeout
        lines.clear();
        byte[] good = (code + "\r").getBytes(StandardCharsets.US_ASCII);
        f.feed(good, good.length, T.plusSeconds(2), sink);
        assertThat(lines).containsExactly(code);
    }

    @Property(tries = 300)
    void idCardDecoderNeverThrowsAndFindsAFrameAfterGarbage(
            @ForAll @Size(max = 300) List<Byte> garbage, @ForAll @IntRange(min = 1, max = 7) int split) {
        IdCardFrames.Decoder d = new IdCardFrames.Decoder();
        List<Integer> got = new ArrayList<>();
        IdCardFrames.Sink sink = new IdCardFrames.Sink() {
            @Override
            public void onResponse(IdCardFrames.Response r) {
                got.add(r.sw3());
            }

            @Override
            public void onError(DeviceFaultCode code, String message) {}
        };
        byte[] g = new byte[garbage.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = garbage.get(i);
        }
        d.feed(g, g.length, sink);
        d.reset(); // the driver resets before each command
        got.clear();
        byte[] frame = IdCardFrames.response(0, 0, 0x9F, new byte[4]);
        byte[] head = java.util.Arrays.copyOf(frame, split);
        byte[] tail = java.util.Arrays.copyOfRange(frame, split, frame.length);
        d.feed(head, head.length, sink);
        d.feed(tail, tail.length, sink);
        assertThat(got).containsExactly(0x9F);
    }
}
