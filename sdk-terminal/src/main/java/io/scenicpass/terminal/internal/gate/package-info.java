/** Implementation details of the gate engine (online check, rule chain, recent admissions, GateInternals); not API. */
package io.scenicpass.terminal.internal.gate;
