package io.scenicpass.terminal.state;

import io.scenicpass.core.wire.ManifestEntry;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A read-only view of the manifest ({@link Manifest}): lookups of passes by pass id, person, card or face. */
public interface ManifestView {
    /** @return the cursor of the last applied delta (0 = nothing yet) */
    long cursor();

    /** @return number of passes in the manifest */
    int size();

    /** @return every entry (a copy) */
    List<ManifestEntry> entries();

    /** @param passId a pass id @return its entry */
    Optional<ManifestEntry> entry(String passId);

    /** @param binding a holder binding (16 bytes) @return entries of that person's passes */
    List<ManifestEntry> byHolderBinding(byte[] binding);

    /** @param uid the card UID (hex) @return entries of passes tied to that card */
    List<ManifestEntry> byCardUid(String uid);

    /** @param subjectId a biometric subject id @return entries of that subject's passes */
    List<ManifestEntry> byBiometricSubject(String subjectId);

    /** @return pass ids currently indexed */
    Set<String> passIds();
}
