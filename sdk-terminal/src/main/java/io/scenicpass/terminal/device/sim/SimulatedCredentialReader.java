package io.scenicpass.terminal.device.sim;

import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
import io.scenicpass.terminal.device.CredentialReader;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.document.DocumentException;
import io.scenicpass.terminal.document.IdCardInfo;
import io.scenicpass.terminal.document.MrzDocument;
import io.scenicpass.terminal.document.MrzParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * A reader that emits what the test or the simulated gate feeds it: QR text, NFC passes, card UIDs,
 * ID cards, MRZ lines, biometric subject ids. Delivery is synchronous on the caller's thread.
 */
public final class SimulatedCredentialReader extends SimulatedDevice implements CredentialReader {
    private volatile CredentialListener listener;

    /** Creates the reader. */
    public SimulatedCredentialReader(String deviceId, Clock clock) {
        super(deviceId, clock);
    }

    @Override
    public void setCredentialListener(CredentialListener listener) {
        this.listener = listener;
    }

    /** Presents a credential of any kind with the given text. */
    public void present(CredentialKind kind, String text) {
        emit(ScannedCredential.builder()
                .kind(kind)
                .text(text)
                .raw(text.getBytes(StandardCharsets.UTF_8))
                .readerId(deviceId())
                .readAt(clock.instant())
                .build());
    }

    /** Scans a QR code. */
    public void scanQr(String text) {
        present(CredentialKind.QR, text);
    }

    /** Presents an ID card. */
    public void presentIdCard(IdCardInfo card) {
        emit(ScannedCredential.builder()
                .kind(CredentialKind.ID_CARD)
                .text(card.idNumber().number())
                .idCard(card)
                .readerId(deviceId())
                .readAt(clock.instant())
                .build());
    }

    /** Presents a passport by its MRZ lines; an invalid MRZ is reported as unreadable. */
    public void presentMrz(List<String> lines) {
        MrzDocument doc;
        try {
            doc = MrzParser.lenient().parseValid(lines);
        } catch (DocumentException e) {
            CredentialListener l = listener;
            if (started() && l != null) {
                safely(() -> l.onUnreadable(
                        deviceId(), CredentialKind.PASSPORT, e.code().name()));
            }
            return;
        }
        emit(ScannedCredential.builder()
                .kind(CredentialKind.PASSPORT)
                .text(doc.documentNumber())
                .mrz(doc)
                .readerId(deviceId())
                .readAt(clock.instant())
                .build());
    }

    /** Reports something unreadable (e.g. a damaged QR code). */
    public void presentUnreadable(CredentialKind kind, String reason) {
        CredentialListener l = listener;
        if (started() && l != null) {
            safely(() -> l.onUnreadable(deviceId(), kind, reason));
        }
    }

    /** Emits a prepared credential. Ignored unless started. */
    public void emit(ScannedCredential credential) {
        CredentialListener l = listener;
        if (started() && l != null) {
            safely(() -> l.onCredential(credential));
        }
    }
}
