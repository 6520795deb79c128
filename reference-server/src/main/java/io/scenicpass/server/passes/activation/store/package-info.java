/** The devices' activation requests ({@code annual_activation_request}, V96), for idempotent retries. */
package io.scenicpass.server.passes.activation.store;
