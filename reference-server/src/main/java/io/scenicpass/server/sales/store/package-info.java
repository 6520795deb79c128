/** SQL for the catalogue, slots and pools, bookings, passes, and the inventory audit. */
package io.scenicpass.server.sales.store;
