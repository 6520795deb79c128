/**
 * ScenicPass sdk-terminal: the gate engine a gate maker embeds.
 *
 * <p>Start with {@link io.scenicpass.terminal.Gate#builder()}: give it a state directory (journal and
 * offline state), the pinned root key and a key set, then call
 * {@link io.scenicpass.terminal.Gate#decide(Credential, GateContext)} for every scan. Each
 * {@link io.scenicpass.terminal.Decision} carries a stable {@link io.scenicpass.terminal.rules.Reason} code and
 * is journaled before it is returned. See {@code docs/terminal-integration.md}.
 */
package io.scenicpass.terminal;
