package io.scenicpass.cli.kioskui;

import io.scenicpass.cli.kioskui.KioskBackend.DocumentReader;
import io.scenicpass.cli.kioskui.KioskBackend.Identity;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What lies on the kiosk's readers: the ID card reader and the passport (MRZ) reader put what they read here, the QR
 * scanner the pass it scanned, the camera the face it captured (with its liveness); the simulated devices of the demo
 * and the tests do the same. A tap on "swipe ID card" (or "scan the pass", "look at the camera") takes it.
 */
public final class PresentedDocuments {
    private final Map<DocumentReader, Deque<Identity>> presented = new EnumMap<>(DocumentReader.class);
    private final Deque<String> passes = new ArrayDeque<>();
    private final Deque<BiometricTemplate> faces = new ArrayDeque<>();

    /** A document put on a reader (read by the hardware, or simulated). */
    public synchronized void present(DocumentReader reader, Identity document) {
        presented.computeIfAbsent(reader, r -> new ArrayDeque<>()).addLast(document);
    }

    /** @return the oldest document on that reader, taken off it; empty when there is none */
    public synchronized Optional<Identity> take(DocumentReader reader) {
        Deque<Identity> q = presented.get(reader);
        return q == null ? Optional.empty() : Optional.ofNullable(q.pollFirst());
    }

    /** A pass held to the QR scanner: its text as scanned. */
    public synchronized void presentPass(String passText) {
        passes.addLast(passText);
    }

    /** @return the oldest pass scanned, taken; empty when none */
    public synchronized Optional<String> takePass() {
        return Optional.ofNullable(passes.pollFirst());
    }

    /** A face in front of the camera: the biometric module's live sample with its liveness verdict. */
    public synchronized void presentFace(BiometricTemplate face) {
        faces.addLast(face);
    }

    /** @return the oldest face captured, taken; empty when nobody looked at the camera */
    public synchronized Optional<BiometricTemplate> takeFace() {
        return Optional.ofNullable(faces.pollFirst());
    }
}
