/**
 * Pick-up (取票): a visitor prints the paper tickets of a pre-booked booking (OTA, group) at a kiosk or box office,
 * found by ID card or booking code; printed once, reprints audited (issue #17).
 */
package io.scenicpass.server.counter.pickup;
