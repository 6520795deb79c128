/** Inside the hold path: the hold combiner, its adaptive gathering, the availability cache. */
package io.scenicpass.server.sales.internal;
