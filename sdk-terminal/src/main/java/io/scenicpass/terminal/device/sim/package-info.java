/**
 * Simulated devices for tests, demos and the simulated gate ({@code ./scenicpass gate}): a credential
 * reader fed by hand, a turnstile you walk through, a display and indicator that remember what they
 * showed, a settable environment sensor, a people counter, and a ticket printer that writes its ESC/POS bytes to a
 * file. Faults can be injected into each
 * ({@link io.scenicpass.terminal.device.sim.SimulatedDevice#simulateFault}). Face and palm matching is
 * simulated by {@link io.scenicpass.terminal.device.biometric.SimulatedBiometricMatcher}.
 */
package io.scenicpass.terminal.device.sim;
