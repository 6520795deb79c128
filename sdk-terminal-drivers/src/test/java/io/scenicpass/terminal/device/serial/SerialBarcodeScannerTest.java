package io.scenicpass.terminal.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.ScannedCredential;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class SerialBarcodeScannerTest {
    private SocatPair pty;
    private SerialBarcodeScanner scanner;
    private final List<ScannedCredential> scans = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        pty = SocatPair.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (scanner != null) {
            scanner.close();
        }
        pty.close();
    }

    private void startScanner(String terminator, String prefix, String suffix) {
        scanner = SerialBarcodeScanner.builder(
                        "qr1",
                        SerialSettings.forPort(pty.driverEnd())
                                .readTimeout(Duration.ofMillis(50))
                                .reconnectDelay(Duration.ofMillis(50))
                                .build())
                .terminator(terminator)
                .prefix(prefix)
                .suffix(suffix)
                .maxLength(64)
                .partialTimeout(Duration.ofMillis(300))
                .build();
        scanner.setCredentialListener(scans::add);
        scanner.start();
        Await.until("scanner connected", 5000, () -> scanner.health().ok());
    }

    @Test
    void reassemblesPartialFramesAndStripsPrefixAndSuffix() {
        startScanner("\r\n", "]Q1", "#");
        pty.send("]Q1SP1ABC");
        pty.send("DEF#\r");
        pty.send("\n]Q1SECOND#\r\n");
        Await.until("two scans", 5000, () -> scans.size() == 2);
        assertThat(scans.get(0).text()).isEqualTo("SP1ABCDEF");
        assertThat(scans.get(0).kind()).isEqualTo(CredentialKind.QR);
        assertThat(scans.get(0).readerId()).isEqualTo("qr1");
        assertThat(scans.get(1).text()).isEqualTo("SECOND");
        assertThat(scanner.health().faultCount()).isZero();
    }

    @Test
    void garbageAndOverlongFramesAreFaultsThenTheScannerRecovers() {
        startScanner("\r", "", "");
        pty.send(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x01, 0x02, '\r'});
        Await.until("garbage fault", 5000, () -> scanner.health().faulty());
        assertThat(scanner.health().lastError().get().code()).isEqualTo(DeviceFaultCode.GARBAGE);
        pty.send("X".repeat(200) + "\r");
        Await.until("overlong fault", 5000, () -> scanner.health().faultCount() == 2);
        assertThat(scanner.health().lastError().get().code()).isEqualTo(DeviceFaultCode.MALFORMED_FRAME);
        pty.send("GOOD\r");
        Await.until("good scan", 5000, () -> scans.size() == 1);
        assertThat(scans.get(0).text()).isEqualTo("GOOD");
        assertThat(scanner.health().ok()).isTrue();
    }

    @Test
    void aPartialFrameThatNeverCompletesIsDropped() {
        startScanner("\r", "", "");
        pty.send("TRUNCAT");
        Await.until("partial-frame fault", 5000, () -> scanner.health().faulty());
        assertThat(scanner.health().lastError().get().code()).isEqualTo(DeviceFaultCode.MALFORMED_FRAME);
        pty.send("NEXT\r");
        Await.until("next scan", 5000, () -> scans.size() == 1);
        assertThat(scans.get(0).text()).isEqualTo("NEXT");
    }

    @Test
    void unplugReportsAFaultAndReplugRecovers() throws Exception {
        startScanner("\r", "", "");
        pty.send("BEFORE\r");
        Await.until("first scan", 5000, () -> scans.size() == 1);
        pty.unplug();
        Await.until("disconnect reported", 5000, () -> !scanner.health().connected());
        assertThat(scanner.health().faulty()).isTrue();
        assertThat(scanner.health().lastError().get().code())
                .isIn(DeviceFaultCode.DISCONNECTED, DeviceFaultCode.OPEN_FAILED);
        pty.plugIn();
        Await.until("reconnected", 10000, () -> scanner.health().ok());
        pty.send("AFTER\r");
        Await.until("scan after replug", 5000, () -> scans.size() == 2);
        assertThat(scans.get(1).text()).isEqualTo("AFTER");
    }

    @Test
    void aThrowingListenerDoesNotStopTheScanner() {
        startScanner("\r", "", "");
        scanner.setCredentialListener(c -> {
            scans.add(c);
            throw new IllegalStateException("application bug");
        });
        pty.send("ONE\rTWO\r");
        Await.until("both scans", 5000, () -> scans.size() == 2);
        assertThat(scanner.health().lastError().get().code()).isEqualTo(DeviceFaultCode.LISTENER_FAILED);
    }
}
