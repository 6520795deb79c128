package io.scenicpass.terminal.device.nfc;

/** A card on the reader, connected. */
public interface NfcCard extends ApduChannel, AutoCloseable {
    /**
     * Waits for the card to leave the field.
     *
     * @return true if it left within the timeout
     */
    boolean awaitRemoval(java.time.Duration timeout) throws NfcReadException;

    /** Disconnects; never throws. */
    @Override
    void close();
}
