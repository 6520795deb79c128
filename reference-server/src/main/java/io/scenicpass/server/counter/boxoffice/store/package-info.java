/** SQL of the box office: cashiers, shifts, counter refunds. */
package io.scenicpass.server.counter.boxoffice.store;
