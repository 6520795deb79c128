package io.scenicpass.terminal.device.nfc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.ScannedCredential;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class NfcReaderTest {
    private static final byte[] UID = {0x04, 0x11, 0x22, 0x33};

    /** Cards are presented by putting them (or a failure) in the queue. */
    static final class FakeTerminal implements NfcTerminal {
        final LinkedBlockingQueue<Object> next = new LinkedBlockingQueue<>();

        @Override
        public Optional<NfcCard> awaitCard(Duration timeout) throws NfcReadException {
            Object o;
            try {
                o = next.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (o instanceof NfcReadException) {
                throw (NfcReadException) o;
            }
            return Optional.ofNullable((NfcCard) o);
        }
    }

    @Test
    void emitsPassesAndUidsFaultsAndRecovers() {
        FakeTerminal terminal = new FakeTerminal();
        List<ScannedCredential> got = new CopyOnWriteArrayList<>();
        NfcReader reader = NfcReader.builder("nfc1", terminal)
                .pollTimeout(Duration.ofMillis(20))
                .reconnectDelay(Duration.ofMillis(10))
                .build();
        reader.setCredentialListener(got::add);
        reader.start();
        try {
            terminal.next.add(new FakeType4Tag(UID, NfcTagReader.textRecord("SP1PASS", "en"), 0x3B));
            await(() -> got.size() == 1);
            assertThat(got.get(0).kind()).isEqualTo(CredentialKind.NFC_PASS);
            assertThat(got.get(0).text()).isEqualTo("SP1PASS");

            terminal.next.add(new NfcReadException(DeviceFaultCode.OPEN_FAILED, "no PC/SC reader"));
            await(() -> reader.health().faulty());
            assertThat(reader.health().connected()).isFalse();

            FakeType4Tag leaving = new FakeType4Tag(UID, NfcTagReader.textRecord("SP1X", "en"), 0x3B);
            leaving.failOnRead = true;
            terminal.next.add(leaving);
            await(() -> reader.health().lastError().get().code() == DeviceFaultCode.DISCONNECTED);

            terminal.next.add(new FakeType4Tag(UID, null, 0x3B));
            await(() -> got.size() == 2);
            assertThat(got.get(1).kind()).isEqualTo(CredentialKind.CARD_UID);
            assertThat(got.get(1).text()).isEqualTo("04112233");
            await(() -> reader.health().ok());
        } finally {
            reader.close();
        }
    }

    @Test
    void withoutAPcscReaderThePcscTerminalFailsWithATypedError() {
        PcscNfcTerminal pcsc = new PcscNfcTerminal("no-such-reader-xyz");
        try {
            assertThat(pcsc.awaitCard(Duration.ofMillis(10))).isEmpty();
        } catch (NfcReadException e) {
            assertThat(e.code()).isIn(DeviceFaultCode.OPEN_FAILED, DeviceFaultCode.DISCONNECTED);
        }
    }

    private static void await(BooleanSupplier c) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }
}
