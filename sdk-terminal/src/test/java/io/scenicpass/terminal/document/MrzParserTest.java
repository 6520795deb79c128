package io.scenicpass.terminal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MrzParserTest {

    @TestFactory
    Stream<DynamicTest> agreesWithEveryCaseOfTheSharedCorpus() throws Exception {
        JsonNode cases = DocumentTestData.load("mrz/mrz-cases.json");
        assertThat(cases.size()).isEqualTo(55);
        return StreamSupport.stream(cases.spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> check(c)));
    }

    private static void check(JsonNode c) {
        List<String> lines = new ArrayList<>();
        c.get("lines").forEach(l -> lines.add(l.asText()));
        boolean lenientCase =
                "lenientExtendedDocumentNumber".equals(c.path("condition").asText());
        if (c.get("format").isNull()) {
            assertThatThrownBy(() -> MrzParser.lenient().parse(lines))
                    .isInstanceOfSatisfying(
                            DocumentException.class, e -> assertThat(e.code()).isEqualTo(DocumentErrorCode.MRZ_LAYOUT));
            return;
        }
        MrzDocument doc = MrzParser.lenient().parse(lines);
        assertThat(doc.format().name()).isEqualTo(c.get("format").asText());
        assertThat(doc.isValid()).as("valid").isEqualTo(c.get("valid").asBoolean());
        if (!c.get("valid").asBoolean()) {
            TreeSet<String> expected = new TreeSet<>();
            c.get("failingChecks").forEach(f -> expected.add(f.asText()));
            TreeSet<String> actual = new TreeSet<>();
            doc.failingChecks().forEach(f -> actual.add(f.id()));
            assertThat(actual).isEqualTo(expected);
        } else {
            JsonNode e = c.get("expected");
            assertThat(doc.documentCode()).isEqualTo(e.get("documentCode").asText());
            assertThat(doc.issuingState()).isEqualTo(e.get("issuingState").asText());
            assertThat(doc.documentNumber()).isEqualTo(e.get("documentNumber").asText());
            assertThat(doc.nationality()).isEqualTo(e.get("nationality").asText());
            assertThat(doc.dateOfBirth()).isEqualTo(e.get("dateOfBirth").asText());
            assertThat(doc.sex()).isEqualTo(e.get("sex").asText());
            assertThat(doc.dateOfExpiry()).isEqualTo(e.get("dateOfExpiry").asText());
            assertThat(doc.primaryIdentifier())
                    .isEqualTo(e.get("primaryIdentifier").asText());
            assertThat(doc.secondaryIdentifier())
                    .isEqualTo(e.get("secondaryIdentifier").asText());
            assertThat(doc.optionalData()).isEqualTo(e.get("optionalData").asText());
            if (e.has("optionalData2")) {
                assertThat(doc.optionalData2()).isEqualTo(e.get("optionalData2").asText());
            }
            Iterator<Map.Entry<String, JsonNode>> it = e.get("checkDigits").fields();
            int n = 0;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> d = it.next();
                assertThat(doc.checkDigits())
                        .containsEntry(d.getKey(), d.getValue().asText());
                n++;
            }
            assertThat(doc.checkDigits()).hasSize(n);
        }
        if (lenientCase && c.get("valid").asBoolean()) {
            // the strict parser fails the issuer quirk on the document number check digit alone
            MrzDocument strict = MrzParser.strict().parse(lines);
            assertThat(strict.failingChecks()).containsExactly(MrzCheck.DOCUMENT_NUMBER_CHECK_DIGIT);
        }
    }

    @TestFactory
    Stream<DynamicTest> checkDigitVectors() throws Exception {
        JsonNode vectors = DocumentTestData.load("mrz/check-digits.json");
        assertThat(vectors.size()).isEqualTo(18);
        return StreamSupport.stream(vectors.spliterator(), false)
                .map(v -> DynamicTest.dynamicTest(
                        v.get("input").asText(),
                        () -> assertThat(String.valueOf(
                                        MrzParser.checkDigit(v.get("input").asText())))
                                .isEqualTo(v.get("checkDigit").asText())));
    }

    @Test
    void acceptsTextWithLineBreaksAndStraySpaces() {
        MrzDocument doc = MrzParser.lenient()
                .parse(" P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\n\n"
                        + "L898902C36UTO7408122F1204159ZE184226B<<<<<10 \n");
        assertThat(doc.isValid()).isTrue();
        assertThat(doc.toString()).doesNotContain("ERIKSSON").doesNotContain("L898902C3");
    }

    @Test
    void parseValidNamesTheFailingChecks() {
        assertThatThrownBy(() -> MrzParser.lenient()
                        .parseValid(List.of(
                                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                "L898902C36UTO7408122F1204159ZE184226B<<<<<12")))
                .isInstanceOfSatisfying(DocumentException.class, e -> {
                    assertThat(e.code()).isEqualTo(DocumentErrorCode.MRZ_INVALID);
                    assertThat(e.getMessage()).contains("compositeCheckDigit");
                });
    }

    @Test
    void rejectsNullAndCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> MrzParser.lenient().parse((String) null)).isInstanceOf(DocumentException.class);
        MrzDocument doc = MrzParser.lenient()
                .parse(List.of(
                        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                        "L898902C36UTO7408122F1204159ZE184226B<<<<<1>"));
        assertThat(doc.failingChecks()).contains(MrzCheck.CHARACTERS, MrzCheck.COMPOSITE_CHECK_DIGIT);
    }
}
