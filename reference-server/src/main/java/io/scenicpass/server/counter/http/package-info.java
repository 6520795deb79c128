/** The counter's routes: {@code /terminal/v1/counter/...} for selling devices, {@code /admin/v1/counter/...}. */
package io.scenicpass.server.counter.http;
