package io.scenicpass.benchmarks.face;

import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A labelled set: one enrolment template per enrolled person, and probes labelled with the person they are (null for
 * a stranger, never enrolled). Generated from a seed, so a run is repeatable; a set of real captures for a real
 * matcher (the OpenCV one) is built the same way from its files.
 */
public final class LabelledFaces {
    /** A live sample and who it is (null: a stranger). */
    public record Probe(String person, BiometricTemplate sample) {}

    public final Map<String, BiometricTemplate> enrolled;
    public final List<Probe> probes;

    public LabelledFaces(Map<String, BiometricTemplate> enrolled, List<Probe> probes) {
        this.enrolled = Collections.unmodifiableMap(new LinkedHashMap<>(enrolled));
        this.probes = List.copyOf(probes);
    }

    /**
     * Feature vectors for {@link CosineFaceMatcher}: each person a random direction in {@code dims} dimensions, each
     * capture that direction plus Gaussian noise of {@code noise} per dimension (another day, light, angle).
     */
    public static LabelledFaces vectors(long seed, int people, int strangers, int probesEach, int dims, double noise) {
        Random r = new Random(seed);
        Map<String, BiometricTemplate> enrolled = new LinkedHashMap<>();
        List<Probe> probes = new ArrayList<>();
        for (int p = 0; p < people + strangers; p++) {
            float[] face = new float[dims];
            for (int i = 0; i < dims; i++) {
                face[i] = (float) r.nextGaussian();
            }
            String who = p < people ? "person-" + p : null;
            if (who != null) {
                enrolled.put(who, template(capture(face, noise, r)));
            }
            for (int k = 0; k < probesEach; k++) {
                probes.add(new Probe(who, template(capture(face, noise, r))));
            }
        }
        return new LabelledFaces(enrolled, probes);
    }

    /** Bytes for the simulated matcher (equal bits): each capture flips each bit with probability {@code flip}. */
    public static LabelledFaces bits(long seed, int people, int strangers, int probesEach, int bytes, double flip) {
        Random r = new Random(seed);
        Map<String, BiometricTemplate> enrolled = new LinkedHashMap<>();
        List<Probe> probes = new ArrayList<>();
        for (int p = 0; p < people + strangers; p++) {
            byte[] face = new byte[bytes];
            r.nextBytes(face);
            String who = p < people ? "person-" + p : null;
            if (who != null) {
                enrolled.put(who, new BiometricTemplate(BiometricModality.FACE, flip(face, flip, r)));
            }
            for (int k = 0; k < probesEach; k++) {
                probes.add(new Probe(who, new BiometricTemplate(BiometricModality.FACE, flip(face, flip, r))));
            }
        }
        return new LabelledFaces(enrolled, probes);
    }

    private static float[] capture(float[] face, double noise, Random r) {
        float[] v = face.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (noise * r.nextGaussian());
        }
        return v;
    }

    private static BiometricTemplate template(float[] v) {
        return new BiometricTemplate(BiometricModality.FACE, CosineFaceMatcher.bytes(v));
    }

    private static byte[] flip(byte[] face, double p, Random r) {
        byte[] b = face.clone();
        for (int i = 0; i < b.length * 8; i++) {
            if (r.nextDouble() < p) {
                b[i / 8] ^= (byte) (1 << (i % 8));
            }
        }
        return b;
    }
}
