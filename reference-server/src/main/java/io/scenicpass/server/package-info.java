/**
 * The ScenicPass reference server, by feature: {@code sales}, {@code channels}, {@code keys}, {@code terminal},
 * {@code admin}, {@code flow}, over {@code cluster}, {@code db} and {@code http}. {@link
 * io.scenicpass.server.ScenicPassServer} composes the feature modules; docs/architecture.md draws the map.
 */
package io.scenicpass.server;
