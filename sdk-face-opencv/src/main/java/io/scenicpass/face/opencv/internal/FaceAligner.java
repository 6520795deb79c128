package io.scenicpass.face.opencv.internal;

import io.scenicpass.face.opencv.FaceNotFoundException;
import io.scenicpass.face.opencv.FaceNotFoundException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfRect;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Finds the largest frontal face in a photo, finds its two eyes, and warps the face so that the eyes land on fixed
 * points of a {@value #SIDE}-pixel square (so that pose, distance and tilt do not change the features); then
 * equalises the histogram and smooths away sensor noise. OpenCV's cascade classifiers are not thread-safe: one
 * aligner serves one thread at a time.
 */
public final class FaceAligner {
    /** The side of the aligned face, in pixels. */
    public static final int SIDE = 100;

    private static final double EYE_DISTANCE = 44;
    private static final double EYE_LINE = 38;

    private final CascadeClassifier faces;
    private final CascadeClassifier eyes;

    /** Loads {@code haarcascade_frontalface_default.xml} and {@code haarcascade_eye.xml} from {@code dir}. */
    public FaceAligner(Path dir) {
        this.faces = cascade(dir.resolve("haarcascade_frontalface_default.xml"));
        this.eyes = cascade(dir.resolve("haarcascade_eye.xml"));
    }

    private static CascadeClassifier cascade(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException(
                    "OpenCV cascade " + file + " is missing (Debian: apt-get install opencv-data)");
        }
        CascadeClassifier c = new CascadeClassifier(file.toString());
        if (c.empty()) {
            throw new IllegalStateException("OpenCV cannot read the cascade " + file);
        }
        return c;
    }

    /** The aligned grey face of an encoded image (PNG, JPEG...). The caller releases the result. */
    public synchronized Mat align(byte[] encodedImage) {
        Mat grey = Imgcodecs.imdecode(new MatOfByte(encodedImage), Imgcodecs.IMREAD_GRAYSCALE);
        if (grey.empty()) {
            throw new FaceNotFoundException(Reason.UNREADABLE_IMAGE, "the photo is not an image OpenCV can read");
        }
        try {
            return align(grey);
        } finally {
            grey.release();
        }
    }

    private Mat align(Mat grey) {
        int minFace = Math.max(40, Math.min(grey.cols(), grey.rows()) / 6);
        Rect face = largest(detect(faces, grey, 1.1, new Size(minFace, minFace)));
        if (face == null) {
            throw new FaceNotFoundException(Reason.NO_FACE, "no face in the photo");
        }
        Mat upper = grey.submat(new Rect(face.x, face.y, face.width, face.height * 6 / 10));
        Rect[] found = detect(eyes, upper, 1.05, new Size(face.width / 10.0, face.width / 10.0));
        upper.release();
        if (found.length < 2) {
            throw new FaceNotFoundException(Reason.NO_EYES, "the face's eyes were not found");
        }
        Arrays.sort(found, Comparator.comparingDouble(Rect::area).reversed());
        Point a = centre(face, found[0]);
        Point b = centre(face, found[1]);
        Point left = a.x <= b.x ? a : b;
        Point right = a.x <= b.x ? b : a;
        double angle = Math.toDegrees(Math.atan2(right.y - left.y, right.x - left.x));
        double scale = EYE_DISTANCE / Math.hypot(right.x - left.x, right.y - left.y);
        Point mid = new Point((left.x + right.x) / 2, (left.y + right.y) / 2);
        Mat m = Imgproc.getRotationMatrix2D(mid, angle, scale);
        m.put(0, 2, m.get(0, 2)[0] + SIDE / 2.0 - mid.x);
        m.put(1, 2, m.get(1, 2)[0] + EYE_LINE - mid.y);
        Mat out = new Mat();
        Imgproc.warpAffine(grey, out, m, new Size(SIDE, SIDE));
        m.release();
        Imgproc.equalizeHist(out, out);
        Imgproc.GaussianBlur(out, out, new Size(0, 0), 3);
        return out;
    }

    private static Rect[] detect(CascadeClassifier c, Mat image, double step, Size min) {
        MatOfRect r = new MatOfRect();
        c.detectMultiScale(image, r, step, 3, 0, min, new Size());
        Rect[] rects = r.toArray();
        r.release();
        return rects;
    }

    private static Rect largest(Rect[] rects) {
        return Arrays.stream(rects).max(Comparator.comparingDouble(Rect::area)).orElse(null);
    }

    private static Point centre(Rect face, Rect eye) {
        return new Point(face.x + eye.x + eye.width / 2.0, face.y + eye.y + eye.height / 2.0);
    }
}
