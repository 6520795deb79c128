/**
 * The console's refunds of counter (kiosk and box-office) sales: an operator refunds a sale with a reason, also after
 * the cutoff; cash is recorded due and paid out at a box office. Its page and admin API. Issues #20 and #17.
 */
package io.scenicpass.server.console.counter;
