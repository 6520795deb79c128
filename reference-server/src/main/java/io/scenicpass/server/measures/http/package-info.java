/** {@code GET /admin/v1/measures}: the measures of a period by day and channel, as JSON. */
package io.scenicpass.server.measures.http;
