package io.scenicpass.server.db;

import io.scenicpass.server.config.SecureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file in the data directory that exists while a server runs on it: {@link #claim} creates it and
 * {@link #release} (the server's close) removes it, so finding it at start means the last run ended without
 * closing (kill -9, a crash, a power cut). On the embedded H2 such a stop may leave part of a transaction that was
 * in flight (docs/operations.md § "Why the server does what it does"), which the start-up check then repairs.
 */
public final class RunMarker {
    /** The marker's file name in the data directory. */
    public static final String NAME = "server.running";

    private final Path file;
    private final boolean uncleanStop;

    private RunMarker(Path file, boolean uncleanStop) {
        this.file = file;
        this.uncleanStop = uncleanStop;
    }

    /** Notes whether the last run on {@code dataDir} ended uncleanly and marks this one as running (0600). */
    public static RunMarker claim(Path dataDir) {
        Path f = dataDir.resolve(NAME);
        boolean found = Files.exists(f);
        SecureFiles.writeOwnerOnly(
                f,
                ("a server runs on this directory; left behind by a server that did not stop cleanly\n")
                        .getBytes(StandardCharsets.US_ASCII));
        return new RunMarker(f, found);
    }

    /** True when the marker was already there: the last server on this directory did not stop cleanly. */
    public boolean uncleanStop() {
        return uncleanStop;
    }

    /** A clean stop: removes the marker (after the database is closed). */
    public void release() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
