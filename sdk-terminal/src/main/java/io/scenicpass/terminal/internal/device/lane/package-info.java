/** Conversions between device values and the engine's and the wire's types, for the lane controller; not API. */
package io.scenicpass.terminal.internal.device.lane;
