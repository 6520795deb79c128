/**
 * The device SPI of a gate: small interfaces that drivers implement and the lane controller uses.
 *
 * <ul>
 *   <li>{@link io.scenicpass.terminal.device.CredentialReader} — pushes
 *       {@link io.scenicpass.terminal.device.ScannedCredential}s to a listener;</li>
 *   <li>{@link io.scenicpass.terminal.device.Turnstile} — released for N passages, reports
 *       {@link io.scenicpass.terminal.device.Passage}s and {@link io.scenicpass.terminal.device.Alarm}s;</li>
 *   <li>{@link io.scenicpass.terminal.device.Display}, {@link io.scenicpass.terminal.device.Indicator};</li>
 *   <li>{@link io.scenicpass.terminal.device.EnvironmentSensor},
 *       {@link io.scenicpass.terminal.device.PeopleCounter} — polled;</li>
 *   <li>{@link io.scenicpass.terminal.device.TicketPrinter} — prints a
 *       {@link io.scenicpass.terminal.device.TicketLayout} and says whether it was printed
 *       ({@link io.scenicpass.terminal.device.PrintResult}); its ESC/POS language is in {@code device.escpos}.</li>
 * </ul>
 * Every {@link io.scenicpass.terminal.device.Device} reports its
 * {@link io.scenicpass.terminal.device.DeviceHealth} and never throws for hardware problems.
 * Here: {@code terminal.device.biometric} and the simulations in {@code terminal.device.sim}. The hardware
 * drivers ({@code terminal.device.serial} over jSerialComm and j2mod, {@code terminal.device.nfc} over PC/SC)
 * are in the separate artifact {@code sdk-terminal-drivers}.
 */
package io.scenicpass.terminal.device;
