/** Implementation details of the gate engine (gate); not API. */
package io.scenicpass.terminal.internal.gate;
