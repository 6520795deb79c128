/** HTTP of key delegation: a box office's key certified ({@code /terminal/v1/counter/delegation}), listed and revoked ({@code /admin/v1/delegations}). */
package io.scenicpass.server.keys.http;
