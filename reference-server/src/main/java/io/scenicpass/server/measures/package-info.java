/**
 * Measures of the visitor facts (issue 19): secondary spending share, average spend per visitor, repurchase rate,
 * offer conversion, package share, dwell time, by park day and channel, from a daily rollup of the stored facts that
 * is refreshed incrementally ({@code GET /admin/v1/measures}, the dashboard's measures section). Definitions and
 * formulas: docs/operations.md § Measures.
 */
package io.scenicpass.server.measures;
