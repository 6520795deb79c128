package io.scenicpass.terminal.rules;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Direction;
import io.scenicpass.core.Pass;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.ProductGatePolicy;
import io.scenicpass.terminal.document.PresentedDocument;
import io.scenicpass.terminal.state.GateStateView;
import io.scenicpass.terminal.state.PassUsage;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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

    /** @return the ID document presented: the credential itself, or one shown with the pass */
    public Optional<PresentedDocument> presentedDocument() {
        Optional<PresentedDocument> own = credential.document();
        if (own.isPresent()) {
            return own;
        }
        if (!context.holderDocumentType().isPresent()
                || !context.holderDocumentNumber().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(PresentedDocument.of(
                context.holderDocumentType().get(),
                context.holderDocumentNumber().get(),
                context.holderBirthDate().orElse(null)));
    }

    /**
     * @return the pass's holders: the binding in its claims and those its manifest entry lists (a real-name pass
     *     bound after issue, or one pass for several named visitors)
     */
    public List<byte[]> holderBindings() {
        List<byte[]> out = new ArrayList<>(2);
        claims().holderBinding().ifPresent(out::add);
        Optional<ManifestEntry> e = state.manifest().entry(claims().passId());
        if (e.isPresent()) {
            for (String b : e.get().holderBindings()) {
                try {
                    out.add(Base64.getUrlDecoder().decode(b));
                } catch (IllegalArgumentException ignored) {
                    // a malformed binding from the server binds nobody
                }
            }
        }
        return out;
    }

    /** @return whether an ID document was presented and is one of the pass's holders */
    public boolean presentedIsHolder() {
        if (presentedBinding == null) {
            return false;
        }
        for (byte[] h : holderBindings()) {
            if (MessageDigest.isEqual(h, presentedBinding)) {
                return true;
            }
        }
        return false;
    }

    /** @return the server's gate policy for this pass's product, if any */
    public Optional<ProductGatePolicy> policy() {
        return config().map(c -> c.productPolicy(claims().productId()));
    }

    /** @return the visit day: the date of {@link #now()} in the gate's time zone (ages are counted on it) */
    public LocalDate visitDay() {
        return now.atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
