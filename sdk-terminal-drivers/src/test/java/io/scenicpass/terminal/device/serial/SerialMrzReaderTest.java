package io.scenicpass.terminal.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
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
class SerialMrzReaderTest {
    private SocatPair pty;
    private SerialMrzReader reader;
    private final List<ScannedCredential> docs = new CopyOnWriteArrayList<>();
    private final List<String> unreadable = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        pty = SocatPair.start();
        reader = SerialMrzReader.builder(
                        "mrz1",
                        SerialSettings.forPort(pty.driverEnd())
                                .readTimeout(Duration.ofMillis(30))
                                .reconnectDelay(Duration.ofMillis(50))
                                .build())
                .terminator("\r\n")
                .build();
        reader.setCredentialListener(new CredentialListener() {
            @Override
            public void onCredential(ScannedCredential c) {
                docs.add(c);
            }

            @Override
            public void onUnreadable(String readerId, CredentialKind kind, String reason) {
                unreadable.add(reason);
            }
        });
        reader.start();
        Await.until("connected", 5000, () -> reader.health().ok());
    }

    @AfterEach
    void tearDown() throws Exception {
        reader.close();
        pty.close();
    }

    @Test
    void readsATd3PassportAndATd1Card() {
        pty.send("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\nL898902C36UTO7408122F1204159ZE1");
        pty.send("84226B<<<<<10\r\n");
        Await.until("passport", 5000, () -> docs.size() == 1);
        assertThat(docs.get(0).kind()).isEqualTo(CredentialKind.PASSPORT);
        assertThat(docs.get(0).text()).isEqualTo("L898902C3");
        assertThat(docs.get(0).mrz().get().primaryIdentifier()).isEqualTo("ERIKSSON");
        pty.send("I<UTOD231458907<<<<<<<<<<<<<<<\r\n7408122F1204159UTO<<<<<<<<<<<6\r\n"
                + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<\r\n");
        Await.until("ID card", 5000, () -> docs.size() == 2);
        assertThat(docs.get(1).mrz().get().format().name()).isEqualTo("TD1");
    }

    @Test
    void aZoneFailingItsChecksIsUnreadableAndJunkLinesAreFaults() {
        pty.send("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\nL898902C36UTO7408122F1204159ZE184226B<<<<<12\r\n");
        Await.until("unreadable", 5000, () -> unreadable.size() == 1);
        assertThat(unreadable.get(0)).contains("compositeCheckDigit");
        pty.send("HELLO WORLD\r\n");
        Await.until(
                "junk line fault",
                5000,
                () -> reader.health().lastError().get().code() == DeviceFaultCode.MALFORMED_FRAME);
        pty.send("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\r\n");
        Await.until("good passport", 5000, () -> docs.size() == 1);
        assertThat(reader.health().ok()).isTrue();
    }
}
