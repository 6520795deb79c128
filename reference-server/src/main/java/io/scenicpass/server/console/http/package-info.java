/**
 * HTTP of the operators: the guard of {@code /admin/v1} (rights per route, audit of changes), the operators' and audit
 * admin API, and the console's sign-in pages.
 */
package io.scenicpass.server.console.http;
