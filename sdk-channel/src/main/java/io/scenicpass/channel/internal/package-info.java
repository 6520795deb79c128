/** Implementation of the channel client (HTTP transport, retries); not API, may change without notice. */
package io.scenicpass.channel.internal;
