/** {@code /admin/v1/reports/...}: the reports as JSON, CSV or XLSX for the admin token. */
package io.scenicpass.server.reports.http;
