/** The bus implementations: LISTEN/NOTIFY on PostgreSQL, in-process on H2. */
package io.scenicpass.server.cluster.internal;
