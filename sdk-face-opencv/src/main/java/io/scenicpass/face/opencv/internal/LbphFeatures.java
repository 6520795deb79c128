package io.scenicpass.face.opencv.internal;

import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.face.LBPHFaceRecognizer;

/**
 * The OpenCV face module's local binary pattern histograms (LBPH) of an aligned face: radius {@value #RADIUS},
 * {@value #NEIGHBOURS} neighbours, a {@value #GRID}×{@value #GRID} grid of cells, {@value #LENGTH} values. The
 * recogniser is "trained" on the one face and its histogram read back: that is the face module's own feature code.
 */
public final class LbphFeatures {
    static final int RADIUS = 3;
    static final int NEIGHBOURS = 8;
    static final int GRID = 4;
    /** The number of values: 2^neighbours bins in each cell. */
    public static final int LENGTH = GRID * GRID * (1 << NEIGHBOURS);

    private LbphFeatures() {}

    /** The histogram of an aligned face. */
    public static float[] of(Mat alignedFace) {
        LBPHFaceRecognizer lbph = LBPHFaceRecognizer.create(RADIUS, NEIGHBOURS, GRID, GRID, Double.MAX_VALUE);
        MatOfInt label = new MatOfInt(0);
        lbph.train(List.of(alignedFace), label);
        List<Mat> histograms = lbph.getHistograms();
        Mat h = histograms.get(0);
        float[] values = new float[(int) h.total()];
        h.get(0, 0, values);
        histograms.forEach(Mat::release);
        label.release();
        if (values.length != LENGTH) {
            throw new IllegalStateException("unexpected LBPH length " + values.length);
        }
        return values;
    }
}
