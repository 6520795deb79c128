/**
 * The console's pages for the document blacklist and for passes (look up, void, reissue), and the admin API of an
 * operator's pass actions ({@code /admin/v1/passes/{passId}}). Issue #20, second half.
 */
package io.scenicpass.server.console.passes;
