/** The database: pool and transactions ({@link io.scenicpass.server.db.Database}, one connection per thread), the one place that knows which SQL each database gets ({@link io.scenicpass.server.db.Dialect}), JDBC helpers. */
package io.scenicpass.server.db;
