package io.scenicpass.terminal.device.nfc;

import io.scenicpass.terminal.device.DeviceFaultCode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;

/**
 * A PC/SC contactless reader through {@code javax.smartcardio} (JDK module {@code java.smartcardio};
 * on Linux it needs {@code pcscd} and {@code libpcsclite}). The first reader whose name contains the
 * configured filter is used (any reader when the filter is empty); the reader is looked up again after a
 * failure, so a reader plugged in later is found.
 */
public final class PcscNfcTerminal implements NfcTerminal {
    private final String nameFilter;
    private CardTerminal terminal;

    /** Creates a terminal for the first reader whose name contains {@code nameFilter} (case-insensitive). */
    public PcscNfcTerminal(String nameFilter) {
        this.nameFilter = nameFilter == null ? "" : nameFilter.toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<NfcCard> awaitCard(Duration timeout) throws NfcReadException {
        CardTerminal t = terminal();
        try {
            if (!t.waitForCardPresent(Math.max(1, timeout.toMillis()))) {
                return Optional.empty();
            }
            Card card = t.connect("*");
            return Optional.of(new PcscCard(t, card));
        } catch (CardException | RuntimeException e) {
            terminal = null;
            throw new NfcReadException(DeviceFaultCode.DISCONNECTED, "PC/SC: " + e.getMessage(), e);
        }
    }

    private CardTerminal terminal() throws NfcReadException {
        if (terminal != null) {
            return terminal;
        }
        List<CardTerminal> list;
        try {
            list = TerminalFactory.getDefault().terminals().list();
        } catch (CardException | RuntimeException | LinkageError e) {
            throw new NfcReadException(DeviceFaultCode.OPEN_FAILED, "no PC/SC service: " + e.getMessage(), e);
        }
        for (CardTerminal t : list) {
            if (t.getName().toLowerCase(Locale.ROOT).contains(nameFilter)) {
                terminal = t;
                return t;
            }
        }
        throw new NfcReadException(DeviceFaultCode.OPEN_FAILED, "no PC/SC reader matching '" + nameFilter + "'");
    }

    private static final class PcscCard implements NfcCard {
        private final CardTerminal terminal;
        private final Card card;
        private final CardChannel channel;

        PcscCard(CardTerminal terminal, Card card) {
            this.terminal = terminal;
            this.card = card;
            this.channel = card.getBasicChannel();
        }

        @Override
        public byte[] transmit(byte[] command) throws NfcReadException {
            try {
                return channel.transmit(new CommandAPDU(command)).getBytes();
            } catch (CardException | RuntimeException e) {
                throw new NfcReadException(DeviceFaultCode.DISCONNECTED, "card left or reader failed", e);
            }
        }

        @Override
        public boolean awaitRemoval(Duration timeout) throws NfcReadException {
            try {
                return terminal.waitForCardAbsent(Math.max(1, timeout.toMillis()));
            } catch (CardException | RuntimeException e) {
                throw new NfcReadException(DeviceFaultCode.DISCONNECTED, "PC/SC: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                card.disconnect(false);
            } catch (CardException | RuntimeException e) {
                // already gone
            }
        }
    }
}
