/** Implementation details of the sync client (HTTP exchanges, pulls, uploads, push stream, backoff); not API. */
package io.scenicpass.terminal.internal.sync;
