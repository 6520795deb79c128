package io.scenicpass.terminal.rules;

import io.scenicpass.core.Direction;
import io.scenicpass.core.DocumentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a rule sees of where and how a credential was presented ({@link io.scenicpass.terminal.GateContext}
 * implements it; the interface lives here so that rules do not depend on the gate engine's package).
 */
public interface ContextView {
    /** @return the gate id, empty to use the gate's configured id */
    Optional<String> gateId();

    /** @return the zone, empty to use the gate's first configured zone */
    Optional<String> zoneId();

    /** @return the direction */
    Direction direction();

    /** @return a time to decide at instead of the corrected clock; empty for now */
    Optional<Instant> time();

    /** @return how many people want to pass on this credential; empty = the pass's party size */
    Optional<Integer> partyCount();

    /** @return type of an ID document presented together with the pass */
    Optional<DocumentType> holderDocumentType();

    /** @return number of an ID document presented together with the pass */
    Optional<String> holderDocumentNumber();

    /** @return the text of a health certificate presented ({@code HC1:…}) */
    Optional<String> healthCertificate();

    /** @return the date of birth the document presented with the pass carries (MRZ), if read */
    default Optional<LocalDate> holderBirthDate() {
        return Optional.empty();
    }

    /** @return whether staff at an attended lane confirmed the holder's age (child policy ATTENDED) */
    default boolean staffConfirmed() {
        return false;
    }
}
