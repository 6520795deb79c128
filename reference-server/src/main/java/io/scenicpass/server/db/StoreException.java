package io.scenicpass.server.db;

import java.sql.SQLException;

/** An unexpected database failure (the HTTP layer answers 500/503 without details). */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("database error: " + cause.getSQLState(), cause);
    }

    /** True when no pooled connection came free within the pool's timeout: the server is overloaded, not broken. */
    public boolean isBusy() {
        return getCause() instanceof java.sql.SQLTransientConnectionException;
    }

    /** True when the cause is a unique-key violation (SQLState 23505 in H2 and PostgreSQL). */
    public boolean isUniqueViolation() {
        return getCause() instanceof SQLException && "23505".equals(((SQLException) getCause()).getSQLState());
    }
}
