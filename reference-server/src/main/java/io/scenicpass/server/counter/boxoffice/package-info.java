/**
 * The staffed box office (issue #17): cashiers signing in with a PIN, shifts at a BOX_OFFICE device with an opening
 * float, cash sales booked into the shift's drawer, refunds within the rules, and the shift close with the cash-up
 * report the server reconciles against the device's own tally.
 */
package io.scenicpass.server.counter.boxoffice;
