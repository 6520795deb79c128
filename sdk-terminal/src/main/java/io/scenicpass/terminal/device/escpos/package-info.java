/**
 * The ESC/POS language of thermal receipt and ticket printers, without any transport: {@link
 * io.scenicpass.terminal.device.escpos.EscPosEncoder} turns a {@link io.scenicpass.terminal.device.TicketLayout}
 * into bytes, {@link io.scenicpass.terminal.device.escpos.EscPosStatus} builds the status queries and reads their
 * answers, {@link io.scenicpass.terminal.device.escpos.EscPosDecoder} reads a byte stream back into tickets (tests,
 * the simulated kiosk). The serial driver ({@code device.serial.SerialTicketPrinter} in sdk-terminal-drivers) and
 * the simulated printer ({@code device.sim.SimulatedTicketPrinter}) share them.
 *
 * <p>Command bytes, from public references: Epson-compatible command lists (ESC @, ESC E, ESC a, ESC d, GS !,
 * GS V function B {@code 1D 56 41/42 n}); the QR functions of {@code GS ( k} with cn = 49 — 165 model
 * {@code 31 41 32 00}, 167 module size {@code 31 43 n}, 169 error correction {@code 31 45 48..51}, 180 store
 * {@code 31 50 30 data}, 181 print {@code 31 51 30} — as in the Star Micronics "Line Thermal Printer ESC/POS Mode
 * Command Specifications" rev. 2.50 and public QR examples for the Epson TM-T88V; the real-time status
 * {@code DLE EOT n} (n = 1 printer, 2 offline cause, 4 roll paper sensor; fixed bits 1 and 4 set) from the same
 * specifications and the status tables of open-source ESC/POS drivers; {@code GS r 1} as a non-real-time query
 * answered in buffer order (Chinese serial printer notes); Chinese mode {@code FS &} / {@code FS .} with GB2312 /
 * GB18030 double-byte codes from the SPRT SP-series and SurePrint SP91 manuals.
 */
package io.scenicpass.terminal.device.escpos;
