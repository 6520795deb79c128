/** The reports' SQL: a period's money movements, first entries, channel and product names. */
package io.scenicpass.server.reports.store;
