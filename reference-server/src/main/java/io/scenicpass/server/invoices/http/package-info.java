/** The invoices' HTTP: the admin API ({@code /admin/v1/invoices}) and the visitor's page ({@code /invoice/{token}}). */
package io.scenicpass.server.invoices.http;
