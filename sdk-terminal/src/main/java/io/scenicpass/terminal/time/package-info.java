/** The gate's corrected clock: device time plus the offset learned from the server, with jump detection. */
package io.scenicpass.terminal.time;
