/**
 * The gate's rule chain: one small class per rule, run in a documented order (signature, revocation,
 * blacklist, validity, slot, zone, entries, party, holder, concession, operator, health). Implement
 * {@link io.scenicpass.terminal.rules.GateRule} to add your own.
 */
package io.scenicpass.terminal.rules;
