/** The measures' SQL: a day's sums from the facts, the daily rollup, and the facts changed since a time. */
package io.scenicpass.server.measures.store;
