package io.scenicpass.journeys;

import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.Liveness;
import java.util.Random;

/** Faces for the face journeys: one person's face is the same bytes each visit but for a few bits (the simulated camera). */
final class FaceAtTheGate {
    private FaceAtTheGate() {}

    /** The face of person {@code n} as the lane's camera sees it, live (the vendor's liveness passed). */
    static BiometricTemplate face(int n) {
        byte[] b = new byte[64];
        new Random(n).nextBytes(b);
        b[3] ^= 0x05; // not the enrolled bytes exactly: another day, another light
        return new BiometricTemplate(BiometricModality.FACE, b, Liveness.passed(0.98));
    }

    /** The face of person {@code n} as enrolled (the kiosk's capture), base64 for the admin API. */
    static String enrolled(int n) {
        byte[] b = new byte[64];
        new Random(n).nextBytes(b);
        return java.util.Base64.getEncoder().encodeToString(b);
    }
}
