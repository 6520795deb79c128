/** HTTP of offline selling: admin allotments, the device's allotments and its offline-sales sync. */
package io.scenicpass.server.counter.offline.http;
