package io.scenicpass.terminal.device.nfc;

/**
 * Sends one command APDU to a contactless card and returns the full response (data followed by SW1 SW2).
 * The PC/SC implementation wraps {@code javax.smartcardio.CardChannel}; tests use a fake card.
 */
public interface ApduChannel {
    /**
     * Transmits a command APDU.
     *
     * @throws NfcReadException when the card is gone or the reader fails
     */
    byte[] transmit(byte[] command) throws NfcReadException;
}
