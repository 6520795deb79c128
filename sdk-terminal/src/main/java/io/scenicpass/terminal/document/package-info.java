/**
 * Identity documents read at the gate: ICAO 9303 machine-readable zones ({@link
 * io.scenicpass.terminal.document.MrzParser}), CN resident identity numbers ({@link
 * io.scenicpass.terminal.document.ChineseIdNumber}, GB 11643) and the text block of Chinese
 * second-generation ID cards ({@link io.scenicpass.terminal.document.IdCardText}). Errors are
 * {@link io.scenicpass.terminal.document.DocumentException} with a
 * {@link io.scenicpass.terminal.document.DocumentErrorCode}.
 */
package io.scenicpass.terminal.document;
