package io.scenicpass.face.opencv.internal;

import java.nio.ByteBuffer;

/**
 * The template bytes: {@code "SPF1"}, the value count, a float scale, then one unsigned byte per value (the value ÷
 * scale, rounded). Quantising keeps a template at 4 KB, so 10,000 enrolled holders fit in 40 MB of a gate's memory;
 * {@code FaceTemplatesTest} shows the distances it changes stay within 1 %.
 */
public final class FaceTemplates {
    private static final int MAGIC = 0x53504631; // "SPF1"
    private static final int HEADER = 12;

    private FaceTemplates() {}

    /** Encodes histogram values (all non-negative). */
    public static byte[] encode(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        float scale = max > 0 ? max / 255f : 1f;
        ByteBuffer b = ByteBuffer.allocate(HEADER + values.length);
        b.putInt(MAGIC).putInt(values.length).putFloat(scale);
        for (float v : values) {
            b.put((byte) Math.round(v / scale));
        }
        return b.array();
    }

    /** Decodes a template into its quantised values and scale; refuses bytes that are not one. */
    public static Quantised decode(byte[] template) {
        if (template.length < HEADER) {
            throw new IllegalArgumentException("not an OpenCV face template");
        }
        ByteBuffer b = ByteBuffer.wrap(template);
        int n = b.getInt(4);
        if (b.getInt(0) != MAGIC || n != LbphFeatures.LENGTH || template.length != HEADER + n) {
            throw new IllegalArgumentException("not an OpenCV face template");
        }
        float scale = b.getFloat(8);
        byte[] q = new byte[n];
        System.arraycopy(template, HEADER, q, 0, n);
        return new Quantised(q, scale);
    }

    /** A decoded template: the bytes and their scale. */
    public static final class Quantised {
        final byte[] values;
        final float scale;

        Quantised(byte[] values, float scale) {
            this.values = values;
            this.scale = scale;
        }

        /**
         * The chi-square distance {@code Σ 2(a−b)²/(a+b)} (OpenCV's {@code HISTCMP_CHISQR_ALT}) to another
         * template; 0 for identical faces.
         */
        public double distance(Quantised o) {
            double sum = 0;
            float sa = scale;
            float sb = o.scale;
            byte[] x = values;
            byte[] y = o.values;
            for (int i = 0; i < x.length; i++) {
                float a = (x[i] & 0xff) * sa;
                float b = (y[i] & 0xff) * sb;
                float s = a + b;
                if (s > 0) {
                    float d = a - b;
                    sum += d * d / s;
                }
            }
            return 2 * sum;
        }
    }
}
