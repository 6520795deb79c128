/**
 * NFC credentials (artifact {@code sdk-terminal-drivers}): {@link io.scenicpass.terminal.device.nfc.NfcReader}
 * (a credential reader) over an {@link io.scenicpass.terminal.device.nfc.NfcTerminal} — PC/SC via
 * {@code javax.smartcardio} ({@link io.scenicpass.terminal.device.nfc.PcscNfcTerminal}) or any other
 * implementation — reading the card UID and an NDEF text record carrying a pass
 * ({@link io.scenicpass.terminal.device.nfc.NfcTagReader}).
 */
package io.scenicpass.terminal.device.nfc;
