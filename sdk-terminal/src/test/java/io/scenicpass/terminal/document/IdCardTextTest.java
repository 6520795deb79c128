package io.scenicpass.terminal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdCardTextTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void decodesEveryFieldAndPassesThePhotoThrough() {
        byte[] text = IdCardText.encode(
                "张三", "2", "01", "19491231", "北京市朝阳区某街道1号", "11010519491231002X", "北京市公安局朝阳分局", "20150101", "长期");
        assertThat(text).hasSize(256);
        byte[] photo = new byte[1024];
        for (int i = 0; i < photo.length; i++) {
            photo[i] = (byte) (i * 7);
        }
        IdCardInfo info = IdCardText.parse(text, photo, TODAY);
        assertThat(info.name()).isEqualTo("张三");
        assertThat(info.sex()).isEqualTo(IdCardInfo.Sex.FEMALE);
        assertThat(info.nationCode()).isEqualTo("01");
        assertThat(info.nation()).isEqualTo("汉");
        assertThat(info.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(info.address()).isEqualTo("北京市朝阳区某街道1号");
        assertThat(info.idNumber().number()).isEqualTo("11010519491231002X");
        assertThat(info.authority()).isEqualTo("北京市公安局朝阳分局");
        assertThat(info.validFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(info.validUntil()).isEmpty();
        assertThat(info.isValidOn(TODAY)).isTrue();
        assertThat(info.photo()).isEqualTo(photo);
        assertThat(info.toString()).doesNotContain("张三").doesNotContain("19491231");
    }

    @Test
    void readsAFixedExpiryAndKnowsWhenItHasPassed() {
        byte[] text = IdCardText.encode(
                "李四", "1", "08", "19851117", "上海市徐汇区", "310104198511171013", "上海市公安局徐汇分局", "20100101", "20200101");
        IdCardInfo info = IdCardText.parse(text, new byte[0], TODAY);
        assertThat(info.sex()).isEqualTo(IdCardInfo.Sex.MALE);
        assertThat(info.nation()).isEqualTo("壮");
        assertThat(info.validUntil()).contains(LocalDate.of(2020, 1, 1));
        assertThat(info.isValidOn(TODAY)).isFalse();
    }

    @Test
    void rejectsMalformedBlocksWithTypedErrors() {
        assertCode(new byte[255], DocumentErrorCode.ID_CARD_TEXT);
        assertCode(null, DocumentErrorCode.ID_CARD_TEXT);
        assertCode(
                IdCardText.encode("王五", "3", "01", "19491231", "x", "11010519491231002X", "y", "20150101", "长期"),
                DocumentErrorCode.ID_CARD_TEXT);
        assertCode(
                IdCardText.encode("王五", "1", "01", "1949123", "x", "11010519491231002X", "y", "20150101", "长期"),
                DocumentErrorCode.ID_CARD_TEXT);
        assertCode(
                IdCardText.encode("王五", "1", "01", "19491231", "x", "110105194912310021", "y", "20150101", "长期"),
                DocumentErrorCode.CN_ID_CHECK_CHARACTER);
        byte[] garbage = new byte[256];
        Arrays.fill(garbage, (byte) 0xFF);
        assertThatThrownBy(() -> IdCardText.parse(garbage, new byte[0], TODAY)).isInstanceOf(DocumentException.class);
    }

    private static void assertCode(byte[] text, DocumentErrorCode code) {
        assertThatThrownBy(() -> IdCardText.parse(text, new byte[0], TODAY))
                .isInstanceOfSatisfying(
                        DocumentException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
