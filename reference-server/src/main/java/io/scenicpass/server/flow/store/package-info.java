/** SQL for flow counters and alerts. */
package io.scenicpass.server.flow.store;
