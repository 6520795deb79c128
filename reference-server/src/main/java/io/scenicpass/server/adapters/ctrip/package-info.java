/**
 * Ctrip's (携程) ticketing supplier interface: signed JSON envelopes ({@link io.scenicpass.server.adapters.ctrip.CtripSignature}),
 * orders translated onto {@code sales.BookingService} ({@link io.scenicpass.server.adapters.ctrip.CtripOrders}), and the
 * consumed notices and inventory pushes sent through the channel outbox ({@link io.scenicpass.server.adapters.ctrip.CtripNotices}).
 * docs/resellers-ctrip.md describes the protocol as implemented.
 */
package io.scenicpass.server.adapters.ctrip;
