package io.scenicpass.benchmarks.load;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One virtual thread per task on Java 21+ (looked up reflectively: the module targets Java 17); else small-stack platform threads. */
final class Threads {
    private Threads() {}

    static boolean virtual() {
        return Runtime.version().feature() >= 21;
    }

    static ExecutorService perTask(String name) {
        if (virtual()) {
            try {
                return (ExecutorService) Executors.class
                        .getMethod("newVirtualThreadPerTaskExecutor")
                        .invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no virtual threads on Java " + Runtime.version(), e);
            }
        }
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(null, r, name, 256 * 1024);
            t.setDaemon(true);
            return t;
        });
    }
}
