/** The box office routes under /terminal/v1/counter (shifts, refunds) and /admin/v1 (cashiers, shift reports). */
package io.scenicpass.server.counter.boxoffice.http;
