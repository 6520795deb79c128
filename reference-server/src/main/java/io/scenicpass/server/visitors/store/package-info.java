/** SQL of the visitor hub (V81): visitors and keys, booking links, visits and zones, receipts, tags, segments. */
package io.scenicpass.server.visitors.store;
