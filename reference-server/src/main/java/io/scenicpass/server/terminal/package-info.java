/** Gates and kiosks: enrollment and device credentials, sync feeds, entry ingestion and its rules, live pushes; built by {@link io.scenicpass.server.terminal.TerminalModule}. */
package io.scenicpass.server.terminal;
