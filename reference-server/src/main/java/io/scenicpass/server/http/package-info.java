/** The HTTP platform every API shares: Javalin/Jetty set-up and the one error entry point, the request-body reader, request guards (method overrides, body limit, security headers), credential throttling, the in-flight bound, metrics. */
package io.scenicpass.server.http;
