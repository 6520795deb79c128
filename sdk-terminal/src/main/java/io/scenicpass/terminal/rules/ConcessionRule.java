package io.scenicpass.terminal.rules;

import io.scenicpass.core.Claims;
import io.scenicpass.core.CredentialType;
import io.scenicpass.core.wire.ProductGatePolicy;
import io.scenicpass.terminal.document.PresentedDocument;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Rule 10, {@value #NAME}: a concession pass (the concession flag, or an age range in its claims) needs proof. It is
 * satisfied when the holder was identified biometrically, when the ID document presented (as the credential, or
 * with the pass) is the holder's, or when that document's date of birth puts the visitor in the pass's age range
 * on the visit day. Otherwise, in this order: no document shown → under the product's child policy
 * {@code ATTENDED} STAFF_CHECK_REQUIRED (admitted as STAFF_CONFIRMED once staff confirm), else
 * ID_CHECK_REQUIRED; a document without a usable date of birth or outside the range → AGE_NOT_PROVEN; a document
 * that is not the holder's on a pass without an age range → HOLDER_MISMATCH.
 */
public final class ConcessionRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "concession";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        Claims c = check.claims();
        boolean ageBound = c.minAge().isPresent() || c.maxAge().isPresent();
        if (!c.concession() && !ageBound) {
            return RuleResult.CONTINUE;
        }
        CredentialType t = check.credential().type();
        if (t == CredentialType.FACE || t == CredentialType.PALM || check.presentedIsHolder()) {
            return RuleResult.CONTINUE;
        }
        Optional<PresentedDocument> doc = check.presentedDocument();
        if (!doc.isPresent()) {
            boolean attended = check.policy().map(ProductGatePolicy::attended).orElse(false);
            if (attended) {
                return check.context().staffConfirmed()
                        ? RuleResult.admitAs(Reason.STAFF_CONFIRMED)
                        : RuleResult.deny(Reason.STAFF_CHECK_REQUIRED);
            }
            return RuleResult.deny(Reason.ID_CHECK_REQUIRED);
        }
        if (!ageBound) {
            return RuleResult.deny(Reason.HOLDER_MISMATCH, "not the holder's document");
        }
        OptionalInt age = doc.get().ageOn(check.visitDay());
        if (!age.isPresent()) {
            return RuleResult.deny(Reason.AGE_NOT_PROVEN, "document carries no date of birth");
        }
        int a = age.getAsInt();
        if ((c.minAge().isPresent() && a < c.minAge().getAsInt())
                || (c.maxAge().isPresent() && a > c.maxAge().getAsInt())) {
            return RuleResult.deny(Reason.AGE_NOT_PROVEN, "age outside the ticket's range");
        }
        return RuleResult.CONTINUE;
    }
}
