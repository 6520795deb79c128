/**
 * The selling side of the edge: {@link io.scenicpass.terminal.counter.Counter} is the kiosk's (and box office's)
 * client of the server's counter API ({@code /terminal/v1/counter/…}) — catalogue, sale, payment by code or QR,
 * cancel — and prints the paid tickets and a receipt through a {@link io.scenicpass.terminal.device.TicketPrinter}.
 * Other counter features (pick-up, offline selling, shifts, annual pass activation — {@link
 * io.scenicpass.terminal.counter.AnnualPassDesk}, which a gate uses too) add their own classes here.
 */
package io.scenicpass.terminal.counter;
