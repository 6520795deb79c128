/**
 * The adapter layer: inbound interfaces of resellers that do not speak OCTO, translated onto the same booking
 * service (inventory, idempotency and the webhook outbox stay one implementation); {@code ctrip/} is Ctrip's ticketing
 * supplier interface. Built by {@link io.scenicpass.server.adapters.AdaptersModule}.
 */
package io.scenicpass.server.adapters;
