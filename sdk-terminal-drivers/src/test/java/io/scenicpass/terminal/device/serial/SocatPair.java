package io.scenicpass.terminal.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real pseudo-terminal pair made by {@code socat}: the driver opens {@link #driverEnd()}, the test plays
 * the device on {@link #peer()} byte for byte. {@link #unplug()} kills socat; {@link #plugIn()} starts it
 * again on the same link names.
 */
final class SocatPair implements AutoCloseable {
    private final Path dir;
    private final Path a;
    private final Path b;
    private Process socat;
    private SerialPort peer;

    private SocatPair(Path dir) {
        this.dir = dir;
        this.a = dir.resolve("driver");
        this.b = dir.resolve("device");
    }

    /** Starts a pair, or aborts the test loudly if socat is not installed. */
    static SocatPair start() throws IOException {
        if (!socatAvailable()) {
            System.err.println("!!!!!! SKIPPING pty test: socat is not installed (apt-get install -y socat) !!!!!!");
            Assumptions.abort("socat not installed");
        }
        SocatPair p = new SocatPair(Files.createTempDirectory("sp-pty"));
        p.plugIn();
        return p;
    }

    static boolean socatAvailable() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (new File(d, "socat").canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Path the driver opens. */
    String driverEnd() {
        return a.toString();
    }

    /** The device side, opened with jSerialComm. */
    SerialPort peer() {
        return peer;
    }

    /** Starts socat and opens the device side. */
    void plugIn() throws IOException {
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        Await.until("socat links " + a + " and " + b, 10_000, () -> Files.exists(a) && Files.exists(b));
        peer = SerialPort.getCommPort(b.toString());
        peer.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!peer.openPort(0)) {
            throw new IOException("cannot open peer end " + b);
        }
    }

    /** Kills socat (the driver's port goes away) and waits until it is gone. */
    void unplug() throws IOException {
        if (peer != null) {
            peer.closePort();
            peer = null;
        }
        if (socat != null) {
            socat.destroy();
            try {
                if (!socat.waitFor(10, TimeUnit.SECONDS)) {
                    socat.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            socat = null;
        }
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
    }

    /** Writes bytes as the device. */
    void send(byte[] bytes) {
        int n = peer.writeBytes(bytes, bytes.length);
        if (n != bytes.length) {
            throw new IllegalStateException("peer write failed: " + n);
        }
    }

    /** Writes ASCII/UTF-8 text as the device. */
    void send(String s) {
        send(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads exactly {@code n} bytes the driver sent, within the timeout. */
    byte[] receive(int n, long timeoutMillis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        byte[] buf = new byte[n];
        while (out.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "peer expected " + n + " bytes, got " + out.size() + ": " + Arrays.toString(out.toByteArray()));
            }
            int r = peer.readBytes(buf, n - out.size());
            if (r < 0) {
                throw new AssertionError("peer read failed");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        unplug();
        Files.deleteIfExists(dir.resolve("socat.log"));
        Files.deleteIfExists(dir);
    }
}
