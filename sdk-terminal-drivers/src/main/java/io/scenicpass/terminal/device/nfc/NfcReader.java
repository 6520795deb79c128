package io.scenicpass.terminal.device.nfc;

import io.scenicpass.terminal.device.AbstractDevice;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
import io.scenicpass.terminal.device.CredentialReader;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.ScannedCredential;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An NFC credential reader: waits for a card on an {@link NfcTerminal}, reads its UID and NDEF pass with
 * {@link NfcTagReader}, and emits {@link CredentialKind#NFC_PASS} when the card carries a pass, otherwise
 * {@link CredentialKind#CARD_UID}. Each card is reported once per presentation. Failures are device
 * faults; a missing reader is retried after the reconnect delay.
 *
 * <pre>{@code
 * NfcReader nfc = NfcReader.builder("lane1-nfc", new PcscNfcTerminal("ACR122")).build();
 * }</pre>
 */
public final class NfcReader extends AbstractDevice implements CredentialReader {
    private final NfcTerminal terminal;
    private final NfcTagReader tags = new NfcTagReader();
    private final Duration pollTimeout;
    private final Duration reconnectDelay;
    private volatile CredentialListener listener;

    private NfcReader(Builder b) {
        super(
                b.deviceId,
                b.clock,
                "sp-nfc-" + b.deviceId,
                b.pollTimeout.multipliedBy(3).plusSeconds(2));
        this.terminal = b.terminal;
        this.pollTimeout = b.pollTimeout;
        this.reconnectDelay = b.reconnectDelay;
    }

    /** A builder for a reader on {@code terminal}. */
    public static Builder builder(String deviceId, NfcTerminal terminal) {
        return new Builder(deviceId, terminal);
    }

    @Override
    public void setCredentialListener(CredentialListener listener) {
        this.listener = listener;
    }

    /** One presentation: wait for a card, read it, wait until it leaves (so it is reported once). */
    @Override
    protected void workOnce() {
        Optional<NfcCard> card;
        try {
            card = terminal.awaitCard(pollTimeout);
        } catch (NfcReadException e) {
            reportFault(e.code(), e.getMessage(), false);
            pauseFor(reconnectDelay);
            return;
        } catch (RuntimeException e) {
            reportFault(DeviceFaultCode.DEVICE_ERROR, e.getClass().getSimpleName(), false);
            pauseFor(reconnectDelay);
            return;
        }
        if (!card.isPresent()) {
            reportOk();
            return;
        }
        try (NfcCard c = card.get()) {
            handle(c);
            while (running() && !c.awaitRemoval(pollTimeout)) {
                // wait until the card leaves so it is reported once per presentation
            }
        } catch (NfcReadException e) {
            reportFault(e.code(), e.getMessage(), true);
        } catch (RuntimeException e) {
            reportFault(DeviceFaultCode.DEVICE_ERROR, e.getClass().getSimpleName(), true);
        }
    }

    private void handle(NfcCard card) throws NfcReadException {
        NfcCardData data = tags.read(card);
        reportOk();
        ScannedCredential.Builder b =
                ScannedCredential.builder().readerId(deviceId()).readAt(clock.instant());
        if (data.passText().isPresent()) {
            String text = data.passText().get();
            b.kind(CredentialKind.NFC_PASS).text(text).raw(text.getBytes(StandardCharsets.UTF_8));
        } else if (data.passBytes().isPresent()) {
            b.kind(CredentialKind.NFC_PASS).text("").raw(data.passBytes().get());
        } else if (!data.uid().isEmpty()) {
            b.kind(CredentialKind.CARD_UID).text(data.uid());
        } else {
            CredentialListener l = listener;
            reportFault(DeviceFaultCode.UNREADABLE_CREDENTIAL, "card without UID or pass", true);
            if (l != null) {
                safely(() -> l.onUnreadable(deviceId(), CredentialKind.CARD_UID, "EMPTY_CARD"));
            }
            return;
        }
        ScannedCredential c = b.build();
        CredentialListener l = listener;
        if (l != null) {
            safely(() -> l.onCredential(c));
        }
    }

    /** Builder for {@link NfcReader}. */
    public static final class Builder {
        private final String deviceId;
        private final NfcTerminal terminal;
        private Clock clock = Clock.systemUTC();
        private Duration pollTimeout = Duration.ofMillis(500);
        private Duration reconnectDelay = Duration.ofSeconds(2);

        private Builder(String deviceId, NfcTerminal terminal) {
            this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
            this.terminal = Objects.requireNonNull(terminal, "terminal");
        }

        /** Clock for timestamps. */
        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v);
            return this;
        }

        /** How long one wait for a card (or its removal) lasts (default 500 ms). */
        public Builder pollTimeout(Duration v) {
            this.pollTimeout = Objects.requireNonNull(v);
            return this;
        }

        /** Delay before looking for a missing reader again (default 2 s). */
        public Builder reconnectDelay(Duration v) {
            this.reconnectDelay = Objects.requireNonNull(v);
            return this;
        }

        /** Builds the (not yet started) reader. */
        public NfcReader build() {
            return new NfcReader(this);
        }
    }
}
