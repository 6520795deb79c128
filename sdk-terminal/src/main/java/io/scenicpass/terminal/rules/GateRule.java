package io.scenicpass.terminal.rules;

/**
 * One step of the gate's rule chain: it lets the pass continue to the next rule or denies it with its own
 * reason code. Rules are small and independent; an operator adds one with
 * {@code Gate.builder().addRule(rule)} without touching the others.
 *
 * <p>Rules must be fast, must not block on I/O, and must be thread-safe (lanes decide concurrently).
 */
public interface GateRule {
    /** @return a stable, unique name (used for positioning and in decisions) */
    String name();

    /**
     * @param check the pass and everything known about the situation
     * @return {@link RuleResult#CONTINUE} or a denial
     */
    RuleResult check(PassCheck check);

    /**
     * Exits are admitted once the pass is authentic (nobody is kept inside a park); rules that should also
     * judge exits return true.
     *
     * @return whether the rule runs for exits too
     */
    default boolean appliesToExit() {
        return false;
    }
}
