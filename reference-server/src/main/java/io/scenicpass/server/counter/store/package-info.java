/** SQL of the counter: the {@code counter_sale} rows and the sales report's aggregates. */
package io.scenicpass.server.counter.store;
