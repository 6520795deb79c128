package io.scenicpass.server.face;

import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.PhotoTemplates;

/** Vendor engines as {@link java.util.ServiceLoader} finds them (test resources' META-INF/services). */
final class PhotoEnginesForTests {
    private PhotoEnginesForTests() {}

    /** A vendor's engine, named {@code echo}: the template is the photo's first 32 bytes. */
    public static final class Echo implements PhotoTemplates {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public BiometricTemplate fromPhoto(byte[] image) {
            return new BiometricTemplate(BiometricModality.FACE, java.util.Arrays.copyOf(image, 32));
        }
    }

    /** An engine whose native library is missing on this machine (as OpenCV's without the Debian package). */
    public static final class NotInstalled implements PhotoTemplates {
        public NotInstalled() {
            throw new IllegalStateException("libopencv4.6-java is not installed");
        }

        @Override
        public String name() {
            return "missing";
        }

        @Override
        public BiometricTemplate fromPhoto(byte[] image) {
            throw new UnsupportedOperationException();
        }
    }
}
