package io.scenicpass.server.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * H2 only: waits for a row lock in short rounds instead of one long one, because H2 2.5 sometimes misses a lock
 * waiter's wake-up (docs/operations.md § "Why the server does what it does"). A statement that runs into the short
 * {@code LOCK_TIMEOUT} runs again until the total wait reaches {@link #BUDGET_MILLIS}; H2 undoes only that statement.
 *
 * <p>Batches: on H2 a JDBC batch is a loop over its rows inside the engine, so here each {@code addBatch()} runs its
 * row at once (with the same retry) and {@code executeBatch()} returns the counts collected; a row that fails
 * throws at its {@code addBatch()}.
 */
final class H2LockWaits {
    /** One round of waiting: the {@code LOCK_TIMEOUT} of the embedded URL, in milliseconds. */
    static final int ROUND_MILLIS = 1_000;
    /** The longest a statement waits for locks in all, as one {@code LOCK_TIMEOUT=20000} did before. */
    static final long BUDGET_MILLIS = 20_000;
    /** H2's error code for a lock timeout ({@code ErrorCode.LOCK_TIMEOUT_1}). */
    static final int LOCK_TIMEOUT = 50200;

    /** Statements executed again after a lock-wait round ran out (a counter for tests and diagnostics). */
    static final AtomicLong RETRIES = new AtomicLong();

    private static final Method EXECUTE_UPDATE;
    private static final Method EXECUTE_UPDATE_SQL;

    static {
        try {
            EXECUTE_UPDATE = PreparedStatement.class.getMethod("executeUpdate");
            EXECUTE_UPDATE_SQL = Statement.class.getMethod("executeUpdate", String.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private H2LockWaits() {}

    /** The connection, with every statement it creates retried on lock timeouts. */
    static Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(
                H2LockWaits.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
                    Object result = call(c, m, args);
                    if (result instanceof Statement s && !m.getName().equals("unwrap")) {
                        return statement(s);
                    }
                    return result;
                });
    }

    private static Statement statement(Statement s) {
        Class<?> type = s instanceof CallableStatement
                ? CallableStatement.class
                : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(
                H2LockWaits.class.getClassLoader(), new Class<?>[] {type}, new StatementHandler(s));
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Statement target;
        private final List<Long> batchCounts = new ArrayList<>();

        StatementHandler(Statement target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            switch (name) {
                case "addBatch":
                    Number n = (Number) retried(target, args == null ? EXECUTE_UPDATE : EXECUTE_UPDATE_SQL, args);
                    batchCounts.add(n.longValue());
                    return null;
                case "clearBatch":
                    batchCounts.clear();
                    return null;
                case "executeBatch": {
                    int[] out = new int[batchCounts.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = (int) Math.min(Integer.MAX_VALUE, batchCounts.get(i));
                    }
                    batchCounts.clear();
                    return out;
                }
                case "executeLargeBatch": {
                    long[] out = batchCounts.stream().mapToLong(Long::longValue).toArray();
                    batchCounts.clear();
                    return out;
                }
                default:
                    return name.startsWith("execute") ? retried(target, m, args) : call(target, m, args);
            }
        }
    }

    /** Runs {@code m}, again after each lock-timeout round, until it passes or the budget is spent. */
    private static Object retried(Object target, Method m, Object[] args) throws Throwable {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUDGET_MILLIS - ROUND_MILLIS);
        while (true) {
            try {
                return call(target, m, args);
            } catch (SQLException e) {
                if (e.getErrorCode() != LOCK_TIMEOUT || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                RETRIES.incrementAndGet();
            }
        }
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
