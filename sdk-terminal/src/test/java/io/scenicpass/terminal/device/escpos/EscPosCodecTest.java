package io.scenicpass.terminal.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.terminal.device.PrinterStatus;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.TicketLayout.Style;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ESC/POS bytes of a ticket, byte for byte, and the decoder that reads them back. */
class EscPosCodecTest {
    static final String PASS = "SP1.eyJwIjoiUC0xMjMiLCJzIjoiMjAyNi0wNy0wMVQxMDowMCJ9.c2lnbmF0dXJl";

    @Test
    void encodesEveryCommandByteForByte() {
        TicketLayout t = TicketLayout.builder()
                .line("AB", Style.BOLD, Style.LARGE, Style.CENTRED)
                .line("c")
                .qr("P1")
                .feed(2)
                .build();
        assertThat(EscPosEncoder.defaults().encode(t))
                .containsExactly(bytes(
                        0x1B, 0x40, // ESC @
                        0x1C, 0x26, // FS &: Chinese mode
                        0x1B, 0x61, 1, 0x1B, 0x45, 1, 0x1D, 0x21, 0x11, 'A', 'B', 0x0A, 0x1B, 0x61, 0, 0x1B, 0x45, 0,
                        0x1D, 0x21, 0x00, 'c', 0x0A, 0x1B, 0x61, 1, // QR centred
                        0x1D, 0x28, 0x6B, 4, 0, 0x31, 0x41, 0x32, 0, // model 2
                        0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x43, 6, // module 6 dots
                        0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x45, 0x31, // error correction M
                        0x1D, 0x28, 0x6B, 5, 0, 0x31, 0x50, 0x30, 'P', '1', // store "P1"
                        0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30, // print
                        0x1B, 0x64, 2, // feed 2 lines
                        0x1D, 0x56, 0x42, 0)); // feed to the cutter, partial cut
    }

    @Test
    void optionsChangeTheirBytes() {
        TicketLayout t = TicketLayout.builder().qr("P1").build();
        byte[] b = EscPosEncoder.defaults()
                .withQrModuleSize(8)
                .withQrErrorCorrection(EscPosEncoder.QrErrorCorrection.H)
                .withFullCut(true)
                .encode(t);
        assertThat(indexOf(b, bytes(0x31, 0x43, 8))).isPositive();
        assertThat(indexOf(b, bytes(0x31, 0x45, 0x33))).isPositive();
        assertThat(b).endsWith(bytes(0x1D, 0x56, 0x41, 0));
        assertThat(EscPosEncoder.defaults()
                        .encode(TicketLayout.builder().line("x").cut(false).build()))
                .endsWith(bytes('x', 0x0A));
        assertThatThrownBy(() -> EscPosEncoder.defaults().withQrModuleSize(17))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storeLengthCountsEveryPayloadByte() {
        String payload = "x".repeat(300);
        byte[] b = EscPosEncoder.defaults()
                .encode(TicketLayout.builder().qr(payload).build());
        int at = indexOf(b, bytes(0x31, 0x50, 0x30)) - 4;
        assertThat(b[at + 2] & 0xFF).isEqualTo(303 & 0xFF); // pL
        assertThat(b[at + 3] & 0xFF).isEqualTo(303 >> 8); // pH
    }

    @Test
    void chineseTextIsGb18030InChineseModeOrQuestionMarksInAscii() {
        TicketLayout t = TicketLayout.builder().line("门票 A").build();
        byte[] gb = EscPosEncoder.defaults().encode(t);
        // 门 = C3 C5, 票 = C6 B1 in GB2312 (a subset of GB18030)
        assertThat(indexOf(gb, bytes(0xC3, 0xC5, 0xC6, 0xB1, ' ', 'A', 0x0A))).isPositive();
        byte[] ascii = EscPosEncoder.defaults()
                .withTextEncoding(EscPosEncoder.TextEncoding.ASCII)
                .encode(t);
        assertThat(ascii).startsWith(bytes(0x1B, 0x40, 0x1C, 0x2E)); // FS . : Chinese mode off
        assertThat(indexOf(ascii, bytes('?', '?', ' ', 'A', 0x0A))).isPositive();
        // a character outside the BMP is one question mark, not two
        byte[] emoji = EscPosEncoder.defaults()
                .withTextEncoding(EscPosEncoder.TextEncoding.ASCII)
                .encode(TicketLayout.builder().line("\uD83C\uDFDE!").build());
        assertThat(indexOf(emoji, bytes('?', '!', 0x0A))).isPositive();
    }

    @Test
    void decoderGivesBackTheTicketsAndTheirPasses() {
        TicketLayout first = TicketLayout.builder()
                .line("西湖景区 West Lake", Style.LARGE, Style.BOLD, Style.CENTRED)
                .line("成人票 Adult ×1")
                .qr(PASS)
                .feed(3)
                .line("2026-07-01 10:00-11:00", Style.CENTRED)
                .build();
        TicketLayout second = TicketLayout.builder().qr(PASS + "2").cut(false).build();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(EscPosEncoder.defaults().encode(first));
        stream.writeBytes(EscPosStatus.query(2)); // status traffic in a captured stream is skipped
        stream.writeBytes(EscPosEncoder.defaults().encode(second));
        stream.writeBytes(EscPosStatus.inOrderQuery());

        List<TicketLayout> tickets = EscPosDecoder.decode(stream.toByteArray());

        assertThat(tickets).containsExactly(first, second);
        assertThat(tickets.get(0).elements().get(2).text()).isEqualTo(PASS);
    }

    @Test
    void decoderRejectsWhatItDoesNotKnowWithTheOffset() {
        assertThatThrownBy(() -> EscPosDecoder.decode(bytes(0x1B, 0x40, 0x1B, 0x7A, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown ESC/POS command 1B 7A 01 at offset 2");
        assertThatThrownBy(() -> EscPosDecoder.decode(bytes(0x1D, 0x28, 0x6B, 0x10, 0x00, 0x31)))
                .hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> EscPosDecoder.decode(bytes(0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30)))
                .hasMessageContaining("without stored data");
    }

    @Test
    void realTimeStatusBytesMapToStates() {
        assertThat(EscPosStatus.parse(0x12, 0x12, 0x12)).isEqualTo(PrinterStatus.READY);
        assertThat(EscPosStatus.parse(0x12, 0x12, 0x1E)).isEqualTo(PrinterStatus.PAPER_NEAR_END);
        assertThat(EscPosStatus.parse(0x1A, 0x32, 0x7E)).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThat(EscPosStatus.parse(0x1A, 0x16, 0x12)).isEqualTo(PrinterStatus.COVER_OPEN);
        assertThat(EscPosStatus.parse(0x1A, 0x36, 0x72)).isEqualTo(PrinterStatus.COVER_OPEN);
        assertThat(EscPosStatus.parse(0x1A, 0x52, 0x12)).isEqualTo(PrinterStatus.ERROR);
        assertThat(EscPosStatus.parse(0x1A, 0x1A, 0x12)).isEqualTo(PrinterStatus.OFFLINE);
        assertThat(EscPosStatus.isRealTimeAnswer(0x12)).isTrue();
        assertThat(EscPosStatus.isRealTimeAnswer(0x00)).isFalse();
        assertThat(EscPosStatus.isInOrderAnswer(0x00)).isTrue();
        assertThat(EscPosStatus.isInOrderAnswer(0x12)).isFalse();
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
