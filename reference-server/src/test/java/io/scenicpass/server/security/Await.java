package io.scenicpass.server.security;

import java.util.function.BooleanSupplier;

/** Polls a condition with a deadline (the poll interval is not synchronisation: the condition is). */
final class Await {
  private Await() {}

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    until(what, condition, 10_000);
  }

  static void until(String what, BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    Object lock = new Object();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      synchronized (lock) {
        lock.wait(20);
      }
    }
  }
}
