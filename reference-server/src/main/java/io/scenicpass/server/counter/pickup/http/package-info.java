/** The pick-up routes under {@code /terminal/v1/counter/pickups} and the admin audit list. */
package io.scenicpass.server.counter.pickup.http;
