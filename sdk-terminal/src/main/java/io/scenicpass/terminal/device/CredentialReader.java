package io.scenicpass.terminal.device;

/**
 * A device that reads credentials: QR/barcode scanner, ID card reader, MRZ reader, NFC reader,
 * face or palm terminal. It pushes what it reads to its listener. A reader reads on its own; the lane may
 * ignore reads while a decision is in progress.
 */
public interface CredentialReader extends Device {
    /** Registers the listener (replaces the previous one; null removes it). */
    void setCredentialListener(CredentialListener listener);
}
