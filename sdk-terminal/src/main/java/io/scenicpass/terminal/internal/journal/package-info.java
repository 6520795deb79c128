/** Implementation details of the gate engine (journal); not API. */
package io.scenicpass.terminal.internal.journal;
