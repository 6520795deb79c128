/**
 * Example: a gate terminal embedding sdk-terminal with simulated devices ({@link io.scenicpass.examples.gate.EmbeddedGate})
 * that enrolls against the demo server and admits the ticket just booked ({@link io.scenicpass.examples.gate.GateTerminalExample}).
 */
package io.scenicpass.examples.gate;
