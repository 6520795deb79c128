package io.scenicpass.face.opencv.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Core;

/** Loads OpenCV's JNI library once per JVM: an explicit file, else {@code java.library.path}, else Debian's path. */
public final class NativeOpenCv {
    /** Where Debian's libopencv406-jni puts the library. */
    public static final Path DEBIAN_LIBRARY = Path.of("/usr/lib/jni/lib" + Core.NATIVE_LIBRARY_NAME + ".so");

    private static boolean loaded;

    private NativeOpenCv() {}

    /** Loads the library; {@code file} may be null. */
    public static synchronized void load(Path file) {
        if (loaded) {
            return;
        }
        if (file != null) {
            System.load(file.toAbsolutePath().toString());
        } else {
            try {
                System.loadLibrary(Core.NATIVE_LIBRARY_NAME);
            } catch (UnsatisfiedLinkError e) {
                if (!Files.isReadable(DEBIAN_LIBRARY)) {
                    throw new IllegalStateException(
                            "OpenCV's native library " + Core.NATIVE_LIBRARY_NAME
                                    + " is not installed (Debian: apt-get install libopencv-java)",
                            e);
                }
                System.load(DEBIAN_LIBRARY.toString());
            }
        }
        loaded = true;
    }
}
