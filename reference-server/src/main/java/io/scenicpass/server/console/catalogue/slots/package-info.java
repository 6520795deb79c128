/**
 * The console catalogue's slots (#20): an option's slot rule changed from a date on, its month calendar with each
 * day's slots (capacity, close and reopen one slot or the whole day), closures of date ranges with the bookings they
 * affect, and the admin routes {@code /admin/v1/slot-rules} and {@code /admin/v1/closures}. The services are
 * {@code sales.SlotSchedule} and {@code sales.SlotClosures}.
 */
package io.scenicpass.server.console.catalogue.slots;
