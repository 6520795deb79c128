/** The channels' own admin routes: keys listed and rotated, webhook state and the redelivery of a failed delivery. */
package io.scenicpass.server.channels.http;
