package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A pass of the day, indexed by the credentials that may stand in for it. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ManifestEntry {
    private final String passId;
    private final String passText;
    private final List<String> holderBindings;
    private final List<String> cardUids;
    private final List<String> biometricSubjects;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public ManifestEntry(
            @JsonProperty("passId") String passId,
            @JsonProperty("passText") String passText,
            @JsonProperty("holderBindings") List<String> holderBindings,
            @JsonProperty("cardUids") List<String> cardUids,
            @JsonProperty("biometricSubjects") List<String> biometricSubjects) {
        this.passId = passId;
        this.passText = passText;
        this.holderBindings = holderBindings == null
                ? Collections.emptyList()
                : Collections.unmodifiableList(new ArrayList<>(holderBindings));
        this.cardUids =
                cardUids == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(cardUids));
        this.biometricSubjects = biometricSubjects == null
                ? Collections.emptyList()
                : Collections.unmodifiableList(new ArrayList<>(biometricSubjects));
    }

    /** Pass id. */
    public String passId() {
        return passId;
    }

    /** The pass text (SP1...). */
    public String passText() {
        return passText;
    }

    /** Holder bindings (base64url). */
    public List<String> holderBindings() {
        return holderBindings;
    }

    /** Card UIDs (hex). */
    public List<String> cardUids() {
        return cardUids;
    }

    /** Biometric subject ids. */
    public List<String> biometricSubjects() {
        return biometricSubjects;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ManifestEntry)) {
            return false;
        }
        ManifestEntry x = (ManifestEntry) o;
        return Objects.equals(passId, x.passId)
                && Objects.equals(passText, x.passText)
                && Objects.equals(holderBindings, x.holderBindings)
                && Objects.equals(cardUids, x.cardUids)
                && Objects.equals(biometricSubjects, x.biometricSubjects);
    }

    @Override
    public int hashCode() {
        return Objects.hash(passId, passText, holderBindings, cardUids, biometricSubjects);
    }

    @Override
    public String toString() {
        return "ManifestEntry{" + "passId=" + passId + ", " + "passText=" + passText + ", " + "holderBindings="
                + holderBindings + ", " + "cardUids=" + cardUids + ", " + "biometricSubjects=" + biometricSubjects
                + "}";
    }
}
