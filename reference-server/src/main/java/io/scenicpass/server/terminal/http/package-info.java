/** The terminal API ({@code /terminal/v1}) and the terminal-facing admin routes. */
package io.scenicpass.server.terminal.http;
