/**
 * Local state that lets a gate decide offline and survives reboots: key set, revocations, blacklist,
 * manifest, device config, clock offset, over-use notices and the entry ledger.
 */
package io.scenicpass.terminal.state;
