/** The packages' routes: admin ({@code /admin/v1/partners}, {@code /admin/v1/packages}), partners, voucher text. */
package io.scenicpass.server.packages.http;
