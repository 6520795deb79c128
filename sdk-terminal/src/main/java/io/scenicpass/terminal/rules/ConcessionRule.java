package io.scenicpass.terminal.rules;

import io.scenicpass.core.CredentialType;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Rule 9, {@value #NAME}: a concession pass needs the holder's ID. It is satisfied when an ID document was
 * presented (as the credential, or alongside the pass) whose holder binding equals the pass's, or when the
 * holder was identified biometrically. Denies ID_CHECK_REQUIRED.
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
        if (!check.claims().concession()) {
            return RuleResult.CONTINUE;
        }
        CredentialType t = check.credential().type();
        if (t == CredentialType.FACE || t == CredentialType.PALM) {
            return RuleResult.CONTINUE;
        }
        Optional<byte[]> presented = check.presentedBinding();
        Optional<byte[]> holder = check.claims().holderBinding();
        if (presented.isPresent() && holder.isPresent() && MessageDigest.isEqual(presented.get(), holder.get())) {
            return RuleResult.CONTINUE;
        }
        return RuleResult.deny(Reason.ID_CHECK_REQUIRED);
    }
}
