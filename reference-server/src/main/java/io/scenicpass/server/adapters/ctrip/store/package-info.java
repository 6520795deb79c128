/** The Ctrip adapter's SQL: account ids of channels and the inventory last pushed. */
package io.scenicpass.server.adapters.ctrip.store;
