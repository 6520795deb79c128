package io.scenicpass.terminal.rules;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Direction;
import io.scenicpass.core.Pass;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.terminal.state.GateStateView;
import io.scenicpass.terminal.state.PassUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Everything a {@link GateRule} may look at: the pass, the credential, the gate's situation and state. */
public final class PassCheck {
    private final Pass pass;
    private final CredentialView credential;
    private final ContextView context;
    private final String zoneId;
    private final Instant now;
    private final PassUsage usage;
    private final GateStateView state;
    private final Duration earlyTolerance;
    private final Duration lateTolerance;
    private final int partyCount;
    private final byte[] presentedBinding;

    /**
     * @param pass the decoded pass
     * @param credential what was presented
     * @param context the gate context
     * @param zoneId the zone being entered or left
     * @param now the corrected time
     * @param usage what this gate knows about the pass's use
     * @param state the gate's local state
     * @param earlyTolerance how long before validFrom/slotStart a pass is accepted
     * @param lateTolerance how long after validUntil/slotEnd a pass is accepted
     * @param partyCount people wanting to pass
     * @param presentedBinding the holder binding of an ID document presented (the credential itself or an
     *     accompanying document), null when none
     */
    public PassCheck(
            Pass pass,
            CredentialView credential,
            ContextView context,
            String zoneId,
            Instant now,
            PassUsage usage,
            GateStateView state,
            Duration earlyTolerance,
            Duration lateTolerance,
            int partyCount,
            byte[] presentedBinding) {
        this.pass = pass;
        this.credential = credential;
        this.context = context;
        this.zoneId = zoneId;
        this.now = now;
        this.usage = usage;
        this.state = state;
        this.earlyTolerance = earlyTolerance;
        this.lateTolerance = lateTolerance;
        this.partyCount = partyCount;
        this.presentedBinding = presentedBinding == null ? null : presentedBinding.clone();
    }

    /** @return the pass (signature not yet checked before the signature rule) */
    public Pass pass() {
        return pass;
    }

    /** @return the pass's claims */
    public Claims claims() {
        return pass.claims();
    }

    /** @return what was presented */
    public CredentialView credential() {
        return credential;
    }

    /** @return the gate context */
    public ContextView context() {
        return context;
    }

    /** @return the direction */
    public Direction direction() {
        return context.direction();
    }

    /** @return the zone being entered or left */
    public String zoneId() {
        return zoneId;
    }

    /** @return the corrected time to decide at */
    public Instant now() {
        return now;
    }

    /** @return entries so far and last direction of this pass */
    public PassUsage usage() {
        return usage;
    }

    /** @return the gate's local state (key set, revocations, blacklist, manifest, config) */
    public GateStateView state() {
        return state;
    }

    /** @return the device config, if the server sent one */
    public Optional<DeviceConfig> config() {
        return state.config();
    }

    /** @return early tolerance */
    public Duration earlyTolerance() {
        return earlyTolerance;
    }

    /** @return late tolerance */
    public Duration lateTolerance() {
        return lateTolerance;
    }

    /** @return people wanting to pass */
    public int partyCount() {
        return partyCount;
    }

    /** @return holder binding of an ID document presented, if any */
    public Optional<byte[]> presentedBinding() {
        return Optional.ofNullable(presentedBinding == null ? null : presentedBinding.clone());
    }
}
