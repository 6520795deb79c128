package io.scenicpass.terminal.device.nfc;

import java.time.Duration;
import java.util.Optional;

/**
 * One contactless reader slot. {@link PcscNfcTerminal} is the PC/SC implementation; tests and simulators
 * provide their own.
 */
public interface NfcTerminal {
    /**
     * Waits up to {@code timeout} for a card and connects to it.
     *
     * @return the card, or empty if none arrived
     * @throws NfcReadException {@code OPEN_FAILED} when there is no reader, {@code DISCONNECTED} when it failed
     */
    Optional<NfcCard> awaitCard(Duration timeout) throws NfcReadException;
}
