/** The devices' activation route {@code POST /terminal/v1/annual-passes/activate}. */
package io.scenicpass.server.passes.activation.http;
