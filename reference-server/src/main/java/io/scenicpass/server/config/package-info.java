/** {@link io.scenicpass.server.config.ServerConfig}, read once at start-up, and owner-only secret files. */
package io.scenicpass.server.config;
