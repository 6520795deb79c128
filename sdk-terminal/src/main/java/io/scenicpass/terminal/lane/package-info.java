/**
 * The lane controller: {@link io.scenicpass.terminal.lane.Lane} ties credential readers, the
 * {@link io.scenicpass.terminal.Gate} engine, a turnstile, display, indicator and sensors together for one
 * entry or exit lane, with a passage timeout that gives unused entries back and telemetry to a
 * {@link io.scenicpass.terminal.lane.TelemetrySink}.
 */
package io.scenicpass.terminal.lane;
