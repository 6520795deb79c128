package io.scenicpass.server.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test times out, the failure carries a dump of every thread, so that a hang seen only in CI (whose console
 * shows failures, not the redirected test output) says where it was stuck. Use with
 * {@code @Timeout(threadMode = SEPARATE_THREAD)}: the timeout then fails the test even when the stuck thread ignores
 * interrupts, and the dump is taken while it is still stuck.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (!(thrown instanceof TimeoutException)) {
            throw thrown;
        }
        StringBuilder dump = new StringBuilder(thrown.getMessage()).append("\nthreads at the timeout:\n");
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
            if (t.getLockName() != null) {
                dump.append(" on ").append(t.getLockName());
            }
            dump.append('\n');
            for (StackTraceElement e : t.getStackTrace()) {
                dump.append("    at ").append(e).append('\n');
            }
        }
        AssertionError error = new AssertionError(dump.toString(), thrown);
        throw error;
    }
}
