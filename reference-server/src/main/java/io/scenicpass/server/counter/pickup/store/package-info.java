/** The print audit of pick-ups ({@code pickup_print}) and the booking-code lookup. */
package io.scenicpass.server.counter.pickup.store;
