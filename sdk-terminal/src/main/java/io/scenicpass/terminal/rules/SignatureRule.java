package io.scenicpass.terminal.rules;

import io.scenicpass.core.KeySet;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.ScenicPassException;
import java.util.Optional;

/**
 * Rule 1, {@value #NAME}: the pass is signed by a key of the current key set that is neither compromised
 * nor retired beyond its validity, and the signature verifies. Denies UNKNOWN_KEY, KEY_COMPROMISED,
 * KEY_RETIRED, BAD_SIGNATURE, and for a key delegated to a box office KEY_REVOKED, DELEGATION_EXPIRED,
 * DELEGATION_OUT_OF_SCOPE (the codes of sdk-core's {@link PassVerifier}). Also runs for exits.
 */
public final class SignatureRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "signature";

    private static final class Cached {
        final KeySet keys;
        final PassVerifier verifier;

        Cached(KeySet keys) {
            this.keys = keys;
            this.verifier = new PassVerifier(keys);
        }
    }

    private volatile Cached cached;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesToExit() {
        return true;
    }

    @Override
    public RuleResult check(PassCheck check) {
        Optional<KeySet> keys = check.state().keySet();
        if (!keys.isPresent()) {
            return RuleResult.deny(Reason.UNKNOWN_KEY, "no key set loaded");
        }
        Cached c = cached;
        if (c == null || c.keys != keys.get()) {
            c = new Cached(keys.get());
            cached = c;
        }
        try {
            c.verifier.verify(check.pass(), check.now());
            return RuleResult.CONTINUE;
        } catch (ScenicPassException e) {
            return RuleResult.deny(e.code().name());
        }
    }
}
