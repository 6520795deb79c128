package io.scenicpass.terminal.rules;

import java.util.Optional;

/**
 * Rule 12, {@value #NAME}: when the device config switches health certificates on, a valid certificate must
 * be presented with the pass. Denies HEALTH_CERT_REQUIRED (none presented, or no checker installed) or
 * HEALTH_CERT_INVALID.
 */
public final class HealthCertificateRule implements GateRule {
    /** The rule's name. */
    public static final String NAME = "health";

    private final HealthCertificateCheck checker;

    /** @param checker the verifier to ask, null when none is installed */
    public HealthCertificateRule(HealthCertificateCheck checker) {
        this.checker = checker;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(PassCheck check) {
        boolean required =
                check.config().map(c -> c.healthCertificateRequired()).orElse(false);
        if (!required) {
            return RuleResult.CONTINUE;
        }
        Optional<String> cert = check.context().healthCertificate();
        if (!cert.isPresent() || cert.get().trim().isEmpty()) {
            return RuleResult.deny(Reason.HEALTH_CERT_REQUIRED);
        }
        if (checker == null) {
            return RuleResult.deny(Reason.HEALTH_CERT_REQUIRED, "no health certificate verifier installed");
        }
        String result;
        try {
            result = checker.check(cert.get().trim(), check.now());
        } catch (RuntimeException e) {
            result = "ERROR";
        }
        return result == null || Reason.OK.equals(result)
                ? RuleResult.CONTINUE
                : RuleResult.deny(Reason.HEALTH_CERT_INVALID, result);
    }
}
