/** SQL of offline selling: per-device allotments and the synced offline sales. */
package io.scenicpass.server.counter.offline.store;
