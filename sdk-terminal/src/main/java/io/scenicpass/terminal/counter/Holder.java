package io.scenicpass.terminal.counter;

import io.scenicpass.core.DocumentType;
import io.scenicpass.terminal.document.IdCardInfo;
import io.scenicpass.terminal.document.MrzDocument;
import io.scenicpass.terminal.document.PresentedDocument;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A visitor's identity document for a real-name ticket, as the kiosk read it (ID card reader, passport MRZ) or a
 * clerk typed it. {@link #toString()} never shows the number or the name: they are personal data.
 */
public final class Holder {
    private final DocumentType type;
    private final String number;
    private final String name;
    private final LocalDate birthDate;
    private final String country;

    private Holder(DocumentType type, String number, String name, LocalDate birthDate, String country) {
        this.type = Objects.requireNonNull(type, "type");
        this.number = Objects.requireNonNull(number, "number");
        this.name = Objects.requireNonNull(name, "name");
        this.birthDate = birthDate;
        this.country = country;
    }

    /**
     * @param type the document type
     * @param number the document number
     * @param name the holder's name as on the document
     * @param birthDate the date of birth, or null (a CN ID number carries it)
     * @return the holder
     */
    public static Holder of(DocumentType type, String number, String name, LocalDate birthDate) {
        return new Holder(type, number, name, birthDate, null);
    }

    /** @param card what the ID card reader read @return its holder */
    public static Holder fromIdCard(IdCardInfo card) {
        return new Holder(DocumentType.CN_ID, card.idNumber().number(), card.name(), card.birthDate(), "CHN");
    }

    /**
     * @param mrz the machine-readable zone of a passport or travel permit
     * @param today the kiosk's date (places the two-digit birth year in its century)
     * @return its holder (name: given names then surname)
     */
    public static Holder fromMrz(MrzDocument mrz, LocalDate today) {
        PresentedDocument d = PresentedDocument.fromMrz(mrz, today);
        String name = (mrz.secondaryIdentifier() + " " + mrz.primaryIdentifier()).trim();
        return new Holder(d.type(), d.number(), name, d.birthDate().orElse(null), mrz.issuingState());
    }

    /** @return the document type */
    public DocumentType type() {
        return type;
    }

    /** @return the document number */
    public String number() {
        return number;
    }

    /** @return the holder's name */
    public String name() {
        return name;
    }

    /** @return the date of birth, when known */
    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /** @return the issuing country (ISO 3166 alpha-3), when known */
    public Optional<String> country() {
        return Optional.ofNullable(country);
    }

    /** @param country the issuing country (ISO 3166 alpha-3; a passport needs it) @return a copy with it */
    public Holder withCountry(String country) {
        return new Holder(type, number, name, birthDate, country);
    }

    @Override
    public String toString() {
        return "Holder{" + type + ", number=***, name=***}";
    }
}
