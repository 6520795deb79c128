/** Implementation details of the gate engine (state); not API. */
package io.scenicpass.terminal.internal.state;
