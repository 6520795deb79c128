package io.scenicpass.terminal;

import io.scenicpass.core.KeySet;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.terminal.journal.FsyncPolicy;
import io.scenicpass.terminal.rules.BlacklistRule;
import io.scenicpass.terminal.rules.ConcessionRule;
import io.scenicpass.terminal.rules.EntryCountRule;
import io.scenicpass.terminal.rules.GateRule;
import io.scenicpass.terminal.rules.HealthCertificateCheck;
import io.scenicpass.terminal.rules.HealthCertificateRule;
import io.scenicpass.terminal.rules.HolderRule;
import io.scenicpass.terminal.rules.OperatorRules;
import io.scenicpass.terminal.rules.PartySizeRule;
import io.scenicpass.terminal.rules.RevocationRule;
import io.scenicpass.terminal.rules.SignatureRule;
import io.scenicpass.terminal.rules.SlotRule;
import io.scenicpass.terminal.rules.ValidityRule;
import io.scenicpass.terminal.rules.ZoneRule;
import io.scenicpass.terminal.time.MonotonicSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Gate}. Only {@link #stateDirectory(Path)} is required; everything else has defaults.
 *
 * <p>The rule chain starts as the documented default order: signature → revocation → blacklist →
 * validity → slot → zone → entries → party → holder → concession → operator → health. {@link #addRule(GateRule)}
 * puts an operator rule after "operator" (before "health"); {@link #addRuleBefore}, {@link #addRuleAfter},
 * {@link #replaceRule} and {@link #removeRule} position by name.
 */
public final class GateBuilder {
    Path stateDirectory;
    Clock clock = Clock.systemUTC();
    MonotonicSource monotonic = MonotonicSource.system();
    boolean correctClock = true;
    Duration clockJumpThreshold = Duration.ofSeconds(2);
    byte[] rootPublicKey;
    SignedKeySet signedKeySet;
    KeySet trustedKeySet;
    DeviceConfig config;
    String deviceId = "unenrolled";
    String gateId = "gate";
    String defaultZone;
    byte[] holderBindingKey;
    io.scenicpass.terminal.internal.gate.FaceIndex faces;
    FsyncPolicy fsyncPolicy = FsyncPolicy.ALWAYS;
    long journalBudgetBytes = 512L << 20;
    long journalSegmentBytes = 8L << 20;
    Duration earlyTolerance = Duration.ZERO;
    Duration lateTolerance = Duration.ZERO;
    SecureRandom random;
    java.util.function.Predicate<io.scenicpass.core.Claims> onlinePreferred;
    OnlineCheck onlineCheck;
    Duration onlineCheckTimeout = Duration.ofMillis(300);
    final List<GateRule> rules = new ArrayList<>();

    GateBuilder() {
        rules.add(new SignatureRule());
        rules.add(new RevocationRule());
        rules.add(new BlacklistRule());
        rules.add(new ValidityRule());
        rules.add(new SlotRule());
        rules.add(new ZoneRule());
        rules.add(new EntryCountRule());
        rules.add(new PartySizeRule());
        rules.add(new HolderRule());
        rules.add(new ConcessionRule());
        rules.add(new OperatorRules());
        rules.add(new HealthCertificateRule(null));
    }

    /** @param dir directory for the journal and the local state (required) @return this */
    public GateBuilder stateDirectory(Path dir) {
        this.stateDirectory = Objects.requireNonNull(dir);
        return this;
    }

    /** @param deviceClock the device's wall clock (inject a fixed one in tests) @return this */
    public GateBuilder clock(Clock deviceClock) {
        this.clock = Objects.requireNonNull(deviceClock);
        return this;
    }

    /** @param source monotonic time for clock-jump detection @return this */
    public GateBuilder monotonic(MonotonicSource source) {
        this.monotonic = Objects.requireNonNull(source);
        return this;
    }

    /**
     * @param correct false to use the device clock as is, ignoring server time and jumps (simulated gates
     *     running at a given time)
     * @return this
     */
    public GateBuilder correctClock(boolean correct) {
        this.correctClock = correct;
        return this;
    }

    /** @param threshold smallest wall/monotonic disagreement treated as a clock jump @return this */
    public GateBuilder clockJumpThreshold(Duration threshold) {
        this.clockJumpThreshold = Objects.requireNonNull(threshold);
        return this;
    }

    /** @param raw32 the pinned root public key that signs key sets @return this */
    public GateBuilder rootPublicKey(byte[] raw32) {
        this.rootPublicKey = raw32.clone();
        return this;
    }

    /** @param keys a signed key set, verified with the root key, used unless a newer one is stored @return this */
    public GateBuilder keySet(SignedKeySet keys) {
        this.signedKeySet = keys;
        return this;
    }

    /** @param keys an already trusted key set (not persisted) @return this */
    public GateBuilder trustedKeySet(KeySet keys) {
        this.trustedKeySet = keys;
        return this;
    }

    /** @param initial device config used unless a newer one is stored @return this */
    public GateBuilder config(DeviceConfig initial) {
        this.config = initial;
        return this;
    }

    /** @param id the device id journaled with each event @return this */
    public GateBuilder deviceId(String id) {
        this.deviceId = Objects.requireNonNull(id);
        return this;
    }

    /** @param id the gate id used when neither the context nor the config gives one @return this */
    public GateBuilder gateId(String id) {
        this.gateId = Objects.requireNonNull(id);
        return this;
    }

    /** @param zoneId the zone used when neither the context nor the config gives one @return this */
    public GateBuilder defaultZone(String zoneId) {
        this.defaultZone = zoneId;
        return this;
    }

    /** @param key the holder-binding key used when the device config carries none @return this */
    public GateBuilder holderBindingKey(byte[] key) {
        this.holderBindingKey = key.clone();
        return this;
    }

    /**
     * Face at this gate: the vendor's face matcher, the score threshold of a match (1:1 and 1:N), and the device's
     * face key (templates in the manifest are sealed with it; see {@link io.scenicpass.core.FaceSeal}).
     *
     * @return this
     */
    public GateBuilder faceMatcher(
            io.scenicpass.terminal.device.biometric.BiometricMatcher matcher,
            double threshold,
            io.scenicpass.core.FaceSeal deviceSeal) {
        this.faces = new io.scenicpass.terminal.internal.gate.FaceIndex(
                matcher, threshold, Objects.requireNonNull(deviceSeal, "deviceSeal"));
        return this;
    }

    /** @param policy journal fsync policy (default ALWAYS) @return this */
    public GateBuilder fsyncPolicy(FsyncPolicy policy) {
        this.fsyncPolicy = Objects.requireNonNull(policy);
        return this;
    }

    /** @param bytes journal disk budget @return this */
    public GateBuilder journalBudgetBytes(long bytes) {
        this.journalBudgetBytes = bytes;
        return this;
    }

    /** @param bytes journal segment size @return this */
    public GateBuilder journalSegmentBytes(long bytes) {
        this.journalSegmentBytes = bytes;
        return this;
    }

    /**
     * Tolerances used when the device config does not set them.
     *
     * @param early accepted this long before validFrom / slotStart
     * @param late accepted this long after validUntil / slotEnd
     * @return this
     */
    public GateBuilder tolerance(Duration early, Duration late) {
        this.earlyTolerance = Objects.requireNonNull(early);
        this.lateTolerance = Objects.requireNonNull(late);
        return this;
    }

    /** @param r randomness for event ids @return this */
    public GateBuilder secureRandom(SecureRandom r) {
        this.random = r;
        return this;
    }

    /**
     * Asks the server before admitting passes whose claims say "online preferred"
     * ({@link io.scenicpass.core.Claims#onlinePreferred()}), see {@link OnlineCheck}. The check gets the
     * event id the decision is journaled under; without an answer within {@link #onlineCheckTimeout} the
     * offline decision stands.
     *
     * @param check the online check, usually the sync client's
     * @return this
     */
    public GateBuilder onlineCheck(OnlineCheck check) {
        return onlineCheck(io.scenicpass.core.Claims::onlinePreferred, check);
    }

    /**
     * Like {@link #onlineCheck(OnlineCheck)}, choosing the passes to ask about by a predicate instead of
     * (or in addition to) the pass's own "online preferred" claim.
     *
     * @param preferred which passes to ask about (for example by product id)
     * @param check the online check, usually the sync client's
     * @return this
     */
    public GateBuilder onlineCheck(
            java.util.function.Predicate<io.scenicpass.core.Claims> preferred, OnlineCheck check) {
        this.onlinePreferred = Objects.requireNonNull(preferred);
        this.onlineCheck = Objects.requireNonNull(check);
        return this;
    }

    /**
     * @param timeout how long a decision waits for the online check at most when the device config sets no
     *     budget ({@code onlineCheckBudgetMillis}; default 300 ms); on timeout the gate decides offline at once and
     *     journals the decision with {@code offline = true}
     * @return this
     */
    public GateBuilder onlineCheckTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("online check timeout must be positive");
        }
        this.onlineCheckTimeout = timeout;
        return this;
    }

    /** @param checker the health-certificate verifier the "health" rule asks @return this */
    public GateBuilder healthCheck(HealthCertificateCheck checker) {
        return replaceRule(HealthCertificateRule.NAME, new HealthCertificateRule(checker));
    }

    /** @param rule an operator rule, run after the configured operator rules @return this */
    public GateBuilder addRule(GateRule rule) {
        return addRuleAfter(OperatorRules.NAME, rule);
    }

    /**
     * @param name an existing rule's name
     * @param rule the rule to insert before it
     * @return this
     */
    public GateBuilder addRuleBefore(String name, GateRule rule) {
        rules.add(indexOf(name), unique(rule));
        return this;
    }

    /**
     * @param name an existing rule's name
     * @param rule the rule to insert after it (after rules added there earlier)
     * @return this
     */
    public GateBuilder addRuleAfter(String name, GateRule rule) {
        int i = indexOf(name) + 1;
        unique(rule);
        // keep earlier additions at this position in insertion order
        while (i < rules.size() && !isDefault(rules.get(i).name())) {
            i++;
        }
        rules.add(i, rule);
        return this;
    }

    /**
     * @param name an existing rule's name
     * @param rule its replacement
     * @return this
     */
    public GateBuilder replaceRule(String name, GateRule rule) {
        rules.set(indexOf(name), rule);
        return this;
    }

    /** @param name a rule to drop (for example "concession" at a gate with staff checking IDs) @return this */
    public GateBuilder removeRule(String name) {
        rules.remove(indexOf(name));
        return this;
    }

    /** @return the rule names in the order they will run */
    public List<String> ruleNames() {
        List<String> out = new ArrayList<>();
        for (GateRule r : rules) {
            out.add(r.name());
        }
        return out;
    }

    private static boolean isDefault(String name) {
        switch (name) {
            case "signature":
            case "revocation":
            case "blacklist":
            case "validity":
            case "slot":
            case "zone":
            case "entries":
            case "party":
            case "concession":
            case "operator":
            case "health":
                return true;
            default:
                return false;
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no rule named " + name + "; rules are " + ruleNames());
    }

    private GateRule unique(GateRule rule) {
        for (GateRule r : rules) {
            if (r.name().equals(rule.name())) {
                throw new IllegalArgumentException("a rule named " + rule.name() + " already exists");
            }
        }
        return rule;
    }

    /**
     * Opens the state and the journal (recovering both) and returns the gate.
     *
     * @return the gate
     */
    public Gate build() {
        if (stateDirectory == null) {
            throw new IllegalStateException("stateDirectory is required");
        }
        return new Gate(this);
    }
}
