/**
 * JSON messages shared by terminals and the server (terminal API under {@code /terminal/v1}).
 * Serialise with {@link io.scenicpass.core.wire.WireJson#mapper()}.
 */
package io.scenicpass.core.wire;
