package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
    private final Map<String, String> faceTemplates;

    /** All fields but the face templates. */
    public ManifestEntry(
            String passId,
            String passText,
            List<String> holderBindings,
            List<String> cardUids,
            List<String> biometricSubjects) {
        this(passId, passText, holderBindings, cardUids, biometricSubjects, null);
    }

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public ManifestEntry(
            @JsonProperty("passId") String passId,
            @JsonProperty("passText") String passText,
            @JsonProperty("holderBindings") List<String> holderBindings,
            @JsonProperty("cardUids") List<String> cardUids,
            @JsonProperty("biometricSubjects") List<String> biometricSubjects,
            @JsonProperty("faceTemplates") Map<String, String> faceTemplates) {
        this.faceTemplates = faceTemplates == null || faceTemplates.isEmpty()
                ? null
                : Collections.unmodifiableMap(new TreeMap<>(faceTemplates));
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

    /**
     * Face templates of this pass's enrolled subjects, by subject id, each sealed for the receiving device with its
     * face key ({@code FaceSeal}); empty for devices of another site and for passes without a face.
     */
    public Map<String, String> faceTemplates() {
        return faceTemplates == null ? Collections.<String, String>emptyMap() : faceTemplates;
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
                && Objects.equals(biometricSubjects, x.biometricSubjects)
                && Objects.equals(faceTemplates(), x.faceTemplates());
    }

    @Override
    public int hashCode() {
        return Objects.hash(passId, passText, holderBindings, cardUids, biometricSubjects, faceTemplates());
    }

    @Override
    public String toString() {
        return "ManifestEntry{" + "passId=" + passId + ", " + "passText=" + passText + ", " + "holderBindings="
                + holderBindings + ", " + "cardUids=" + cardUids + ", " + "biometricSubjects=" + biometricSubjects
                + "}";
    }
}
