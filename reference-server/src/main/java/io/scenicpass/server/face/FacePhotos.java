package io.scenicpass.server.face;

import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.PhotoRefusedException;
import io.scenicpass.terminal.device.biometric.PhotoTemplates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A holder's photo to a face template of the gates' matcher: the photo checked here (JPEG or PNG, at most {@link
 * #MAX_BYTES}, its dimensions read from the header before anything decodes it), then the configured {@link
 * PhotoTemplates} engine ({@code shop.photoTemplates}: {@value SimulatedPhotoTemplates#NAME} built in, or a
 * {@link ServiceLoader} provider such as sdk-face-opencv's {@code opencv}). Photos are never logged.
 */
public final class FacePhotos {
    private static final Logger LOG = LoggerFactory.getLogger(FacePhotos.class);
    /** Largest photo accepted (a phone camera's JPEG). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Shortest side accepted, in pixels: below it no engine finds a usable face. */
    public static final int MIN_SIDE = 240;
    /** Longest side accepted, in pixels (a 48-megapixel phone photo is 8000 wide). */
    public static final int MAX_SIDE = 10_000;

    private final PhotoTemplates engine;

    FacePhotos(PhotoTemplates engine) {
        this.engine = engine;
    }

    /**
     * The engine named {@code name} (null or blank: the simulated one).
     *
     * @throws IllegalArgumentException naming the installed engines (and why any failed to load) when there is none
     */
    public static FacePhotos configured(String name) {
        if (name == null || name.isBlank() || name.equals(SimulatedPhotoTemplates.NAME)) {
            return new FacePhotos(new SimulatedPhotoTemplates());
        }
        List<String> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<PhotoTemplates>> it =
                ServiceLoader.load(PhotoTemplates.class).stream().iterator();
        while (it.hasNext()) {
            ServiceLoader.Provider<PhotoTemplates> p = it.next();
            try {
                PhotoTemplates e = p.get();
                if (e.name().equals(name)) {
                    return new FacePhotos(e);
                }
                found.add(e.name());
            } catch (ServiceConfigurationError | RuntimeException e) {
                // e.g. OpenCV's provider on a machine without the OpenCV package: named in the startup error
                Throwable why = e.getCause() != null ? e.getCause() : e;
                found.add(p.type().getName() + " (not loaded: " + why.getMessage() + ")");
            }
        }
        throw new IllegalArgumentException(
                "shop.photoTemplates=" + name + ": no such photo template engine; installed: "
                        + SimulatedPhotoTemplates.NAME + (found.isEmpty() ? "" : ", " + String.join(", ", found)));
    }

    /** The engine's name (for the operator's status and logs). */
    public String engineName() {
        return engine.name();
    }

    /** The face template of {@code photo}, or a {@link PhotoRefusal} naming what is wrong with it. */
    public BiometricTemplate template(byte[] photo) {
        if (photo == null || photo.length == 0) {
            throw new PhotoRefusal(PhotoRefusal.Code.PHOTO_MISSING, "no photo was given");
        }
        if (photo.length > MAX_BYTES) {
            throw new PhotoRefusal(PhotoRefusal.Code.PHOTO_TOO_LARGE, "the photo is over " + MAX_BYTES + " bytes");
        }
        if (!jpeg(photo) && !png(photo)) {
            throw new PhotoRefusal(PhotoRefusal.Code.PHOTO_FORMAT, "the photo is neither JPEG nor PNG");
        }
        int[] size = dimensions(photo);
        if (Math.min(size[0], size[1]) < MIN_SIDE || Math.max(size[0], size[1]) > MAX_SIDE) {
            throw new PhotoRefusal(
                    PhotoRefusal.Code.PHOTO_DIMENSIONS,
                    "the photo is " + size[0] + "×" + size[1] + " pixels; its sides must be " + MIN_SIDE + ".."
                            + MAX_SIDE);
        }
        BiometricTemplate t;
        try {
            t = engine.fromPhoto(photo);
        } catch (PhotoRefusedException e) {
            throw new PhotoRefusal(PhotoRefusal.Code.of(e.reason()), e.getMessage());
        } catch (RuntimeException e) {
            // an engine that fails on odd bytes: the photo is refused, the engine's fault logged (never the photo)
            LOG.warn("photo template engine {} failed on a photo: {}", engine.name(), e.toString());
            throw new PhotoRefusal(PhotoRefusal.Code.PHOTO_UNREADABLE, "the photo could not be read");
        }
        if (t == null || t.modality() != BiometricModality.FACE || t.data().length > FaceService.MAX_TEMPLATE_BYTES) {
            LOG.warn(
                    "photo template engine {} gave no face template of at most {} bytes",
                    engine.name(),
                    FaceService.MAX_TEMPLATE_BYTES);
            throw new PhotoRefusal(PhotoRefusal.Code.PHOTO_UNREADABLE, "the photo could not be read");
        }
        return t;
    }

    private static boolean jpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    private static boolean png(byte[] b) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Width and height from the image's header (nothing decoded: a decompression bomb is refused before it). */
    private static int[] dimensions(byte[] photo) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    private static PhotoRefusal unreadable() {
        return new PhotoRefusal(PhotoRefusal.Code.PHOTO_UNREADABLE, "the photo could not be read");
    }
}
