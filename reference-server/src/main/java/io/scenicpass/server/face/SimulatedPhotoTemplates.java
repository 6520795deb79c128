package io.scenicpass.server.face;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeWriter;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.PhotoRefusedException;
import io.scenicpass.terminal.device.biometric.PhotoRefusedException.Reason;
import io.scenicpass.terminal.device.biometric.PhotoTemplates;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The demo's and tests' photo engine, the server side of sdk-terminal's {@code SimulatedBiometricMatcher}: a
 * simulated face in a photo is a QR code carrying the simulated camera's face bytes ({@code SIMFACE:<base64>}), so a
 * real image is decoded and searched, and the template is those bytes: the simulated gates' matcher accepts the same
 * person's live sample. No QR: NO_FACE; two: SEVERAL_FACES; one under a tenth of the photo: FACE_TOO_SMALL. Not a
 * biometric algorithm.
 */
public final class SimulatedPhotoTemplates implements PhotoTemplates {
    public static final String NAME = "simulated";
    private static final String PREFIX = "SIMFACE:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BiometricTemplate fromPhoto(byte[] image) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException | RuntimeException e) {
            img = null;
        }
        if (img == null) {
            throw new PhotoRefusedException(Reason.UNREADABLE, "the photo could not be decoded");
        }
        Result[] found;
        try {
            found = new QRCodeMultiReader()
                    .decodeMultiple(
                            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (NotFoundException e) {
            found = new Result[0];
        }
        List<Result> faces = new ArrayList<>();
        for (Result r : found) {
            if (r.getText() != null && r.getText().startsWith(PREFIX)) {
                faces.add(r);
            }
        }
        if (faces.isEmpty()) {
            throw new PhotoRefusedException(Reason.NO_FACE, "no face was found in the photo");
        }
        if (faces.size() > 1) {
            throw new PhotoRefusedException(Reason.SEVERAL_FACES, faces.size() + " faces were found in the photo");
        }
        if (span(faces.get(0).getResultPoints()) * 10 < Math.min(img.getWidth(), img.getHeight())) {
            throw new PhotoRefusedException(Reason.FACE_TOO_SMALL, "the face is too small in the photo");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(faces.get(0).getText().substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new PhotoRefusedException(Reason.UNREADABLE, "the face could not be read");
        }
        if (bytes.length == 0) {
            throw new PhotoRefusedException(Reason.UNREADABLE, "the face could not be read");
        }
        return new BiometricTemplate(BiometricModality.FACE, bytes);
    }

    /** The largest distance between the code's finder points (its size in pixels, near enough). */
    private static double span(ResultPoint[] points) {
        double max = 0;
        for (ResultPoint a : points) {
            for (ResultPoint b : points) {
                max = Math.max(max, ResultPoint.distance(a, b));
            }
        }
        return max;
    }

    /**
     * A photo of the simulated person whose face is {@code face} (the bytes their simulated camera sees): a {@code
     * width}×{@code height} picture with the face filling {@code faceSide} pixels in the middle, as {@code png} or
     * {@code jpeg}. For the demo, tests and journeys.
     */
    public static byte[] photo(byte[] face, int width, int height, int faceSide, String format) {
        return photo(List.of(face), width, height, faceSide, format);
    }

    /** A photo with several simulated faces side by side (a group photo). */
    public static byte[] photo(List<byte[]> faces, int width, int height, int faceSide, String format) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xDDE4EA)); // a plain background, as a photo booth's
        g.fillRect(0, 0, width, height);
        int x = (width - faces.size() * faceSide - (faces.size() - 1) * faceSide / 4) / 2;
        for (byte[] face : faces) {
            try {
                BitMatrix m = new QRCodeWriter()
                        .encode(
                                PREFIX + Base64.getEncoder().encodeToString(face),
                                BarcodeFormat.QR_CODE,
                                faceSide,
                                faceSide,
                                Map.of(EncodeHintType.MARGIN, 2));
                g.drawImage(MatrixToImageWriter.toBufferedImage(m), x, (height - faceSide) / 2, null);
            } catch (WriterException e) {
                throw new IllegalArgumentException("face too long for a simulated photo", e);
            }
            x += faceSide + faceSide / 4;
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
