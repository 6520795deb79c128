package io.scenicpass.terminal.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.DocumentType;
import io.scenicpass.terminal.device.sim.SimulatedDocuments;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates of birth and ages as the gate reads them from documents. */
class PresentedDocumentTest {
    static final LocalDate VISIT = LocalDate.of(2026, 7, 1);

    @Test
    void aCnIdNumberCarriesItsDateOfBirthAndAgesCountWholeYearsOnTheVisitDay() {
        String first17 = "11010519660701001";
        PresentedDocument d =
                PresentedDocument.of(DocumentType.CN_ID, first17 + ChineseIdNumber.checkCharacter(first17), null);
        assertThat(d.birthDate()).contains(LocalDate.of(1966, 7, 1));
        assertThat(d.ageOn(VISIT)).hasValue(60);
        assertThat(d.ageOn(VISIT.minusDays(1))).hasValue(59);
        assertThat(PresentedDocument.of(DocumentType.CN_ID, "110105196607010010", null)
                        .birthDate())
                .as("a wrong check digit proves nothing")
                .isEmpty();
        assertThat(PresentedDocument.of(DocumentType.PASSPORT, "E1234567", null).ageOn(VISIT))
                .isEmpty();
        assertThat(d.toString()).doesNotContain("1101");
    }

    @Test
    void anMrzGivesTypeAndATwoDigitBirthYearNeverInTheFuture() {
        MrzDocument old =
                MrzParser.strict().parseValid(SimulatedDocuments.mrz("P", "GBR", "X1", LocalDate.of(1950, 4, 5), "A"));
        assertThat(PresentedDocument.fromMrz(old, VISIT).birthDate()).contains(LocalDate.of(1950, 4, 5));
        MrzDocument child = MrzParser.lenient()
                .parseValid(SimulatedDocuments.mrz("CT", "CHN", "T1", LocalDate.of(2016, 2, 2), "B"));
        PresentedDocument permit = PresentedDocument.fromMrz(child, VISIT);
        assertThat(permit.type()).isEqualTo(DocumentType.TW_PERMIT);
        assertThat(permit.ageOn(VISIT)).hasValue(10);
        assertThat(PresentedDocument.typeOfMrz("CR")).isEqualTo(DocumentType.HK_MO_PERMIT);
        assertThat(PresentedDocument.typeOfMrz("I")).isEqualTo(DocumentType.OTHER);
    }
}
