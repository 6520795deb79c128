/**
 * In the park (issue #18): zones as the operator describes them and their walking graph, live crowding by zone as a
 * traffic light, a suggested route that avoids crowded zones, the park's notices, and warnings to a day's visitors;
 * built by {@link io.scenicpass.server.park.ParkModule}.
 */
package io.scenicpass.server.park;
