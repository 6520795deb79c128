package io.scenicpass.terminal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ChineseIdNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TestFactory
    Stream<DynamicTest> agreesWithEveryCase() throws Exception {
        JsonNode cases = DocumentTestData.load("cn-id/cn-id-cases.json");
        assertThat(cases.size()).isEqualTo(37);
        return StreamSupport.stream(cases.spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(
                        "'" + c.get("number").asText() + "' " + c.path("reason").asText(""), () -> {
                            String number = c.get("number").asText();
                            if (c.get("valid").asBoolean()) {
                                ChineseIdNumber id = ChineseIdNumber.parse(number, TODAY);
                                assertThat(id.number())
                                        .isEqualTo(c.path("normalized").asText(number));
                                assertThat(id.birthDate())
                                        .isEqualTo(LocalDate.parse(
                                                c.get("birthDate").asText()));
                                assertThat(id.sex()).isEqualTo(c.get("sex").asText());
                                assertThat(id.region())
                                        .isEqualTo(c.get("region").asText());
                            } else {
                                assertThatThrownBy(() -> ChineseIdNumber.parse(number, TODAY))
                                        .isInstanceOf(DocumentException.class);
                                assertThat(ChineseIdNumber.isValid(number, TODAY))
                                        .isFalse();
                            }
                        }));
    }

    @TestFactory
    Stream<DynamicTest> legacyUpgrade() throws Exception {
        JsonNode cases = DocumentTestData.load("cn-id/cn-id-15-to-18.json");
        assertThat(cases.size()).isEqualTo(11);
        return StreamSupport.stream(cases.spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("legacy15").asText(), () -> {
                    String legacy = c.get("legacy15").asText();
                    if (c.get("valid").asBoolean()) {
                        ChineseIdNumber id = ChineseIdNumber.upgradeLegacy(legacy, TODAY);
                        assertThat(id.number()).isEqualTo(c.get("upgraded18").asText());
                        assertThat(id.birthDate())
                                .isEqualTo(LocalDate.parse(c.get("birthDate").asText()));
                        assertThat(id.sex()).isEqualTo(c.get("sex").asText());
                        assertThat(id.region()).isEqualTo(c.get("region").asText());
                    } else {
                        assertThatThrownBy(() -> ChineseIdNumber.upgradeLegacy(legacy, TODAY))
                                .isInstanceOf(DocumentException.class);
                    }
                }));
    }

    @Test
    void errorCodesNameTheDefect() {
        assertCode("110105194912310021", DocumentErrorCode.CN_ID_CHECK_CHARACTER);
        assertCode("110101199002301236", DocumentErrorCode.CN_ID_BIRTH_DATE);
        assertCode("110101209901011239", DocumentErrorCode.CN_ID_BIRTH_DATE);
        assertCode("000000199003071236", DocumentErrorCode.CN_ID_REGION);
        assertCode("610104620927690", DocumentErrorCode.CN_ID_LEGACY_FORMAT);
        assertCode("", DocumentErrorCode.CN_ID_LENGTH);
        assertCode(null, DocumentErrorCode.CN_ID_LENGTH);
        assertCode("1101051949X231002X", DocumentErrorCode.CN_ID_CHARACTERS);
        // a non-ASCII digit (full-width ２) as the check character is a character defect, not a wrong check
        assertCode("11010519491231002\uFF12", DocumentErrorCode.CN_ID_CHARACTERS);
    }

    @Test
    void trimsAndMasks() {
        ChineseIdNumber id = ChineseIdNumber.parse("  11010519491231002X ", TODAY);
        assertThat(id.number()).isEqualTo("11010519491231002X");
        assertThat(id.toString()).doesNotContain("19491231");
    }

    private static void assertCode(String number, DocumentErrorCode code) {
        assertThatThrownBy(() -> ChineseIdNumber.parse(number, TODAY))
                .isInstanceOfSatisfying(
                        DocumentException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
