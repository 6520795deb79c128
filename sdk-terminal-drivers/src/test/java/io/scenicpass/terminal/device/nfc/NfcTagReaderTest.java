package io.scenicpass.terminal.device.nfc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.terminal.device.DeviceFaultCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NfcTagReaderTest {
    private static final byte[] UID = {0x04, (byte) 0xA2, 0x3B, 0x12, 0x5C, 0x61, (byte) 0x80};
    private final NfcTagReader reader = new NfcTagReader();

    @Test
    void readsUidAndATextRecordPass() throws Exception {
        String pass = "SP1" + "NCFOXN%TS3DH0RGPJB/IB-OM7533SR7694RI3XH8/F3I 5ECD";
        FakeType4Tag tag = new FakeType4Tag(UID, NfcTagReader.textRecord(pass, "en"), 0x3B);
        NfcCardData d = reader.read(tag);
        assertThat(d.uid()).isEqualTo("04A23B125C6180");
        assertThat(d.passText()).contains(pass);
        assertThat(tag.apdus.get(0)).containsExactly(0xFF, 0xCA, 0x00, 0x00, 0x00);
        assertThat(tag.apdus.get(1))
                .containsExactly(0x00, 0xA4, 0x04, 0x00, 0x07, 0xD2, 0x76, 0x00, 0x00, 0x85, 0x01, 0x01, 0x00);
    }

    @Test
    void readsALongRecordInChunksOfTheTagsMaximum() throws Exception {
        String pass = "SP1" + "A".repeat(600);
        FakeType4Tag tag = new FakeType4Tag(UID, NfcTagReader.textRecord(pass, "zh"), 0x20);
        assertThat(reader.read(tag).passText()).contains(pass);
        assertThat(tag.apdus.stream().filter(a -> a[1] == (byte) 0xB0).count()).isGreaterThan(15);
    }

    @Test
    void aCardWithoutNdefIsJustAUid() throws Exception {
        NfcCardData d = reader.read(new FakeType4Tag(UID, null, 0x3B));
        assertThat(d.uid()).isEqualTo("04A23B125C6180");
        assertThat(d.passText()).isEmpty();
        assertThat(d.passBytes()).isEmpty();
    }

    @Test
    void truncatedNdefMessagesAreMalformed() {
        byte[] good = NfcTagReader.textRecord("SP1ABC", "en");
        for (int cut = 1; cut < good.length; cut++) {
            byte[] bad = Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> reader.read(new FakeType4Tag(UID, bad, 0x3B)))
                    .isInstanceOfSatisfying(
                            NfcReadException.class,
                            e -> assertThat(e.code()).isEqualTo(DeviceFaultCode.MALFORMED_FRAME));
        }
    }

    @Test
    void aMimeRecordCarriesRawPassBytes() throws Exception {
        byte[] type = NfcTagReader.PASS_MIME_TYPE.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] cose = {(byte) 0xD2, (byte) 0x84, 0x43, (byte) 0xA1, 0x01, 0x27};
        byte[] msg = new byte[3 + type.length + cose.length];
        msg[0] = (byte) 0xD2; // MB ME SR, TNF=2 (MIME)
        msg[1] = (byte) type.length;
        msg[2] = (byte) cose.length;
        System.arraycopy(type, 0, msg, 3, type.length);
        System.arraycopy(cose, 0, msg, 3 + type.length, cose.length);
        NfcCardData d = reader.read(new FakeType4Tag(UID, msg, 0x3B));
        assertThat(d.passBytes().get()).isEqualTo(cose);
        assertThat(d.passText()).isEmpty();
    }
}
