/**
 * Reports for the operators (issue 20): sales and refunds and redemptions by day, product and channel, the
 * settlement per channel (what each OTA or partner owes, net of refunds), the box offices' shift closes; as JSON and
 * exported to CSV and XLSX ({@code GET /admin/v1/reports/...}, the console's reports page).
 */
package io.scenicpass.server.reports;
