package io.scenicpass.terminal.sync;

import io.scenicpass.core.CredentialType;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Ids;
import io.scenicpass.core.Verdict;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockWebServer;

/** Shared helpers for sync tests. */
public final class SyncTestSupport {
    static final Instant DEVICE_NOW = Instant.parse("2026-07-01T07:59:00Z");
    static final Clock DEVICE_CLOCK = Clock.fixed(DEVICE_NOW, ZoneOffset.UTC);
    private static final Ids IDS = new Ids(DEVICE_CLOCK, new SecureRandom());

    private SyncTestSupport() {}

    static DeviceCredentials credentials(MockWebServer server, FakeTerminalServer fake) {
        String url = server.url("/").toString();
        return new DeviceCredentials(
                url.substring(0, url.length() - 1),
                "dev-1",
                FakeTerminalServer.TOKEN,
                "area-1",
                "gate-1",
                fake.root.publicKey());
    }

    public static EntryEvent entry(String passId) {
        return EntryEvent.builder()
                .eventId(IDS.eventId())
                .passId(passId)
                .gateId("gate-1")
                .deviceId("dev-1")
                .zoneId("main")
                .direction(Direction.IN)
                .credentialType(CredentialType.QR)
                .verdict(Verdict.ADMIT)
                .reason("OK")
                .deviceTime(DEVICE_NOW)
                .correctedTime(DEVICE_NOW.plusSeconds(60))
                .offline(true)
                .partyCount(1)
                .build();
    }

    /** Polls a condition until it holds or the deadline passes (no fixed sleeps). */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // poll interval of a deadline-bounded wait
        }
    }
}
