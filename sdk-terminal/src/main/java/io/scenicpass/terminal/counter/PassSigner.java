package io.scenicpass.terminal.counter;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Pass;

/**
 * Signs passes on the device itself, for selling while the cloud is down: DelegatedSigner signs under the key
 * the server delegated to this box office. Gates accept such a pass only within the delegation's scope (its products,
 * visit dates and number of passes) and validity, so a signer refuses claims outside it instead of printing a pass the
 * gates would turn away.
 */
public interface PassSigner {
    /** The key id (8 hex characters) the passes carry. */
    String keyId();

    /**
     * The pass id of this signer's {@code serial}-th pass (1..the delegation's maxPasses): a delegated pass must carry
     * such an id (gates refuse any other), which is how a gate enforces the number of passes without talking to others.
     */
    String passId(int serial);

    /**
     * Signs the claims (whose passId is one of {@link #passId(int)}).
     *
     * @throws io.scenicpass.core.ScenicPassException with a delegation code when the claims are outside the scope, the
     *     delegation has expired or is not certified yet
     */
    Pass sign(Claims claims);
}
