/**
 * The console's pages of running the park's partners, people and flow (issue #20, second half A): channels (keys shown
 * once, rate limits, allotments, webhook state and redelivery), operators (administrators only) and today's flow
 * (occupancy, alerts with acknowledgement, quota suggestions applied through the catalogue's capacity changes).
 */
package io.scenicpass.server.console.desk;
