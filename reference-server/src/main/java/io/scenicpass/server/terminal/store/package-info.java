/** SQL for devices, the revocation and manifest feeds, entry events, pass use, over-use conflicts and telemetry. */
package io.scenicpass.server.terminal.store;
