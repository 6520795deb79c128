package io.scenicpass.cli.kioskui;

import io.scenicpass.cli.kioskui.KioskBackend.DocumentReader;
import io.scenicpass.cli.kioskui.KioskBackend.Identity;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The documents lying on the kiosk's readers: the ID card reader and the passport (MRZ) reader put what they read
 * here (the simulated readers of the demo and the tests do the same), and a tap on "swipe ID card" takes it.
 */
public final class PresentedDocuments {
    private final Map<DocumentReader, Deque<Identity>> presented = new EnumMap<>(DocumentReader.class);

    /** A document put on a reader (read by the hardware, or simulated). */
    public synchronized void present(DocumentReader reader, Identity document) {
        presented.computeIfAbsent(reader, r -> new ArrayDeque<>()).addLast(document);
    }

    /** @return the oldest document on that reader, taken off it; empty when there is none */
    public synchronized Optional<Identity> take(DocumentReader reader) {
        Deque<Identity> q = presented.get(reader);
        return q == null ? Optional.empty() : Optional.ofNullable(q.pollFirst());
    }
}
