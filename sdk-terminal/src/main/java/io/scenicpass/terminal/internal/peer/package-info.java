/** Implementation of the gate-to-gate exchange (secure channel, event log, sender and receiver); not API. */
package io.scenicpass.terminal.internal.peer;
