package io.scenicpass.face.opencv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Quantised templates keep OpenCV's own chi-square distance within 1 %. */
class FaceTemplatesTest {
    @BeforeAll
    static void opencv() {
        NativeOpenCv.load(null);
    }

    @Test
    void theQuantisedDistanceIsOpenCvsChiSquareWithinOnePercent() {
        Random r = new Random(7);
        for (int n = 0; n < 20; n++) {
            float[] a = histogram(r);
            float[] b = histogram(r);
            double opencv = Imgproc.compareHist(mat(a), mat(b), Imgproc.HISTCMP_CHISQR_ALT);
            double ours = FaceTemplates.decode(FaceTemplates.encode(a))
                    .distance(FaceTemplates.decode(FaceTemplates.encode(b)));
            assertThat(ours).isCloseTo(opencv, org.assertj.core.data.Percentage.withPercentage(1));
        }
        float[] a = histogram(r);
        assertThat(FaceTemplates.decode(FaceTemplates.encode(a))
                        .distance(FaceTemplates.decode(FaceTemplates.encode(a))))
                .isZero();
    }

    /** Like an LBPH histogram: each cell's 256 bins sum to 1, most of the mass in a few bins. */
    private static float[] histogram(Random r) {
        float[] h = new float[LbphFeatures.LENGTH];
        for (int cell = 0; cell < LbphFeatures.LENGTH / 256; cell++) {
            float sum = 0;
            for (int i = 0; i < 256; i++) {
                float v = (float) Math.pow(r.nextDouble(), 6);
                h[cell * 256 + i] = v;
                sum += v;
            }
            for (int i = 0; i < 256; i++) {
                h[cell * 256 + i] /= sum;
            }
        }
        return h;
    }

    private static Mat mat(float[] v) {
        Mat m = new Mat(1, v.length, CvType.CV_32FC1);
        m.put(0, 0, v);
        return m;
    }
}
