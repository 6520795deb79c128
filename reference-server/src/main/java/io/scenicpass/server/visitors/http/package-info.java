/** The hub's HTTP: partner tills' receipts ({@code /partner/v1/receipts}), the admin API, the console page. */
package io.scenicpass.server.visitors.http;
