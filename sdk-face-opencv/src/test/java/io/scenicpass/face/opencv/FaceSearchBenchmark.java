package io.scenicpass.face.opencv;

import io.scenicpass.terminal.device.biometric.BiometricMatch;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the OpenCV matcher costs a lane: 1:N among {@code holders} enrolled faces (a face alone), against the floor of
 * 1:1 (a face with a ticket), and making a template from a photo. The enrolled templates are 50 real ones from
 * {@link SyntheticFaces}, each varied slightly to make {@code holders} distinct ones (the search reads every one, so
 * the cost depends on the count, not the faces). Command in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FaceSearchBenchmark {
    @Param("10000")
    public int holders;

    OpenCvFace face;
    OpenCvFaceMatcher matcher;
    BiometricTemplate probe;
    byte[] photo;

    @Setup
    public void enrol() {
        face = OpenCvFace.builder().build();
        matcher = face.newMatcher();
        byte[][] base = new byte[50][];
        for (int i = 0; i < base.length; i++) {
            base[i] = face.template(SyntheticFaces.png(i, 0)).data();
        }
        Random r = new Random(1);
        for (int h = 0; h < holders; h++) {
            byte[] t = base[h % base.length].clone();
            for (int k = 0; k < 64; k++) {
                int i = 12 + r.nextInt(t.length - 12);
                t[i] = (byte) Math.min(255, (t[i] & 0xff) + 1);
            }
            matcher.enroll("h" + h, new BiometricTemplate(BiometricModality.FACE, t));
        }
        photo = SyntheticFaces.png(0, 1);
        probe = face.template(photo);
    }

    @Benchmark
    public Optional<BiometricMatch> identifyAmongHolders() {
        return matcher.match(probe, OpenCvFace.IDENTIFY_THRESHOLD);
    }

    @Benchmark
    public OptionalDouble verifyOneFloor() {
        return matcher.verify("h0", probe);
    }

    @Benchmark
    public BiometricTemplate templateFromPhoto() {
        return face.template(photo);
    }
}
