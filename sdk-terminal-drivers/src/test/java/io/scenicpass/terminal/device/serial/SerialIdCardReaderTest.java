package io.scenicpass.terminal.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.document.IdCardText;
import io.scenicpass.terminal.internal.device.serial.IdCardFrames;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class SerialIdCardReaderTest {
    private static final byte[] TEXT = IdCardText.encode(
            "张三", "2", "01", "19491231", "北京市朝阳区某街道1号", "11010519491231002X", "北京市公安局朝阳分局", "20150101", "长期");

    private SocatPair pty;
    private FakeIdCardSam sam;
    private SerialIdCardReader reader;
    private final List<ScannedCredential> cards = new CopyOnWriteArrayList<>();
    private final List<String> unreadable = new CopyOnWriteArrayList<>();
    private final byte[] photo = new byte[1024];

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 0; i < photo.length; i++) {
            photo[i] = (byte) (31 * i + 7);
        }
        pty = SocatPair.start();
        sam = new FakeIdCardSam(pty.peer());
        reader = SerialIdCardReader.builder(
                        "idcard1",
                        SerialSettings.forPort(pty.driverEnd())
                                .baudRate(115200)
                                .readTimeout(Duration.ofMillis(50))
                                .reconnectDelay(Duration.ofMillis(50))
                                .build())
                .pollInterval(Duration.ofMillis(20))
                .responseTimeout(Duration.ofMillis(400))
                .repeatSuppression(Duration.ofMinutes(1))
                .build();
        reader.setCredentialListener(new CredentialListener() {
            @Override
            public void onCredential(ScannedCredential c) {
                cards.add(c);
            }

            @Override
            public void onUnreadable(String readerId, CredentialKind kind, String reason) {
                unreadable.add(reason);
            }
        });
        reader.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        reader.close();
        sam.close();
        pty.close();
    }

    @Test
    void sendsExactFramesAndReadsACardOnce() {
        Await.until("polling without a card", 5000, () -> sam.count(0x20, 0x01) >= 2);
        assertThat(cards).isEmpty();
        assertThat(reader.health().ok()).isTrue();
        assertThat(sam.commands.get(0)).containsExactly(0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22);

        sam.placeCard(TEXT, photo);
        Await.until("card read", 5000, () -> cards.size() == 1);
        ScannedCredential c = cards.get(0);
        assertThat(c.kind()).isEqualTo(CredentialKind.ID_CARD);
        assertThat(c.text()).isEqualTo("11010519491231002X");
        assertThat(c.idCard().get().name()).isEqualTo("张三");
        assertThat(c.idCard().get().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(c.idCard().get().validUntil()).isEmpty();
        assertThat(c.idCard().get().photo()).isEqualTo(photo);
        assertThat(sam.commands)
                .anySatisfy(cmd ->
                        assertThat(cmd).containsExactly(0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21));
        assertThat(sam.commands)
                .anySatisfy(cmd ->
                        assertThat(cmd).containsExactly(0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32));

        // the card stays on the reader: read again, but not reported twice
        long reads = sam.count(0x30, 0x01);
        Await.until("more reads", 5000, () -> sam.count(0x30, 0x01) >= reads + 2);
        assertThat(cards).hasSize(1);
    }

    @Test
    void everyKindOfBadResponseIsAFaultAndTheReaderRecovers() {
        for (FakeIdCardSam.Fault f : FakeIdCardSam.Fault.values()) {
            sam.readFaults.add(f);
        }
        sam.placeCard(TEXT, photo);
        Await.until("card read after the faults", 10000, () -> cards.size() == 1);
        assertThat(sam.readFaults).isEmpty();
        assertThat(reader.health().faultCount()).isGreaterThanOrEqualTo(5);
        assertThat(cards.get(0).idCard().get().photo()).isEqualTo(photo);
    }

    @Test
    void eachFaultIsReportedWithItsCode() {
        assertFault(FakeIdCardSam.Fault.BAD_CHECKSUM, DeviceFaultCode.BAD_CHECKSUM);
        assertFault(FakeIdCardSam.Fault.TRUNCATED, DeviceFaultCode.MALFORMED_FRAME);
        assertFault(FakeIdCardSam.Fault.SILENT, DeviceFaultCode.TIMEOUT);
        assertFault(FakeIdCardSam.Fault.WRONG_LENGTHS, DeviceFaultCode.MALFORMED_FRAME);
    }

    private void assertFault(FakeIdCardSam.Fault fault, DeviceFaultCode code) {
        sam.cardData = null;
        Await.until("idle", 5000, () -> reader.health().ok());
        long faults = reader.health().faultCount();
        sam.readFaults.add(fault);
        sam.placeCard(TEXT, photo);
        Await.until(fault + " reported", 5000, () -> reader.health().faultCount() > faults);
        assertThat(reader.health().lastError().get().code()).isEqualTo(code);
        Await.until("fault consumed", 5000, () -> sam.readFaults.isEmpty());
    }

    @Test
    void aCardWithAnInvalidNumberIsUnreadable() {
        sam.placeCard(
                IdCardText.encode("李四", "1", "01", "19491231", "x", "110105194912310021", "y", "20150101", "长期"),
                photo);
        Await.until("unreadable card", 5000, () -> !unreadable.isEmpty());
        assertThat(unreadable.get(0)).isEqualTo("CN_ID_CHECK_CHARACTER");
        assertThat(cards).isEmpty();
        assertThat(reader.health().lastError().get().code()).isEqualTo(DeviceFaultCode.UNREADABLE_CREDENTIAL);
    }

    @Test
    void survivesUnplugAndReadsAfterReplug() throws Exception {
        Await.until("connected", 5000, () -> reader.health().ok());
        sam.close();
        pty.unplug();
        Await.until("disconnect reported", 5000, () -> !reader.health().connected());
        pty.plugIn();
        sam = new FakeIdCardSam(pty.peer());
        sam.placeCard(TEXT, photo);
        Await.until("card read after replug", 10000, () -> cards.size() == 1);
        assertThat(reader.health().ok()).isTrue();
    }

    @Test
    void decoderHandlesSplitFramesAndResynchronises() {
        byte[] frame = IdCardFrames.response(0, 0, 0x9F, new byte[4]);
        List<Integer> got = new CopyOnWriteArrayList<>();
        List<DeviceFaultCode> errors = new CopyOnWriteArrayList<>();
        IdCardFrames.Sink sink = new IdCardFrames.Sink() {
            @Override
            public void onResponse(IdCardFrames.Response r) {
                got.add(r.sw3());
            }

            @Override
            public void onError(DeviceFaultCode code, String message) {
                errors.add(code);
            }
        };
        IdCardFrames.Decoder d = new IdCardFrames.Decoder();
        d.feed(new byte[] {1, 2, 3}, 3, sink);
        d.feed(frame, 6, sink);
        byte[] rest = java.util.Arrays.copyOfRange(frame, 6, frame.length);
        d.feed(rest, rest.length, sink);
        assertThat(got).containsExactly(0x9F);
        assertThat(errors).containsExactly(DeviceFaultCode.GARBAGE);
        byte[] impossible = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69, 0x7F, 0x7F};
        d.feed(impossible, impossible.length, sink);
        d.feed(frame, frame.length, sink);
        assertThat(got).containsExactly(0x9F, 0x9F);
        assertThat(errors).contains(DeviceFaultCode.MALFORMED_FRAME);
    }
}
