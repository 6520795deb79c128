/** Live flow, forecast, alerts and quota suggestions; built by {@link io.scenicpass.server.flow.FlowModule}. */
package io.scenicpass.server.flow;
