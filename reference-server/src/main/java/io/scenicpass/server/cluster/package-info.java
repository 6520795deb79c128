/** Several nodes on one database: the event bus between them, job leases and the background {@link io.scenicpass.server.cluster.Jobs}; built by {@link io.scenicpass.server.cluster.ClusterModule}. */
package io.scenicpass.server.cluster;
