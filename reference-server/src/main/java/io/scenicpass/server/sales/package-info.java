/** Selling: catalogue, slots and inventory, holds and bookings ({@link io.scenicpass.server.sales.BookingState}), pass issuance, inventory audit and repair; built by {@link io.scenicpass.server.sales.SalesModule}. */
package io.scenicpass.server.sales;
