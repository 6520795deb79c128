package io.scenicpass.server.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fault-injecting TCP proxy on 127.0.0.1 (free port) in front of a loopback upstream, with modes switchable at run
 * time:
 *
 * <ul>
 *   <li>{@link Mode#PASS}: bytes flow both ways;
 *   <li>{@link Mode#BLACKHOLE}: connections are accepted and never answered, bytes are read and dropped (a connection
 *       that lost a byte stays a black hole until its peer gives up: a half-delivered HTTP exchange cannot recover);
 *   <li>{@link Mode#SLOW}: every chunk (at most {@link #slowChunkBytes} bytes) is held back {@link #slowDelay}, which
 *       bounds the bandwidth to chunk/delay;
 *   <li>{@link Mode#RESET}: new connections and the next chunk of live ones are closed abruptly with a TCP RST
 *       ({@code setSoLinger(true, 0)});
 *   <li>{@link Mode#LOSE_UPLOAD_ACKS}: everything passes, except that on a connection carrying an entry upload
 *       ({@code POST .../entries}) the server's answer is dropped: the server stores the batch, the terminal never
 *       hears so (the one HTTP-aware mode; it looks at the request line only).
 * </ul>
 *
 * Flapping alternates modes on a schedule: {@link #startFlapping(Duration, Mode...)}. The upstream port can be
 * changed while running ({@link #upstream(int)}), e.g. to a restarted server. Counters tell a test that a fault
 * really happened.
 */
final class FaultProxy implements AutoCloseable {
    /** What the proxy does with connections and bytes. */
    enum Mode {
        PASS,
        BLACKHOLE,
        SLOW,
        RESET,
        LOSE_UPLOAD_ACKS
    }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flapper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "flap"));
    private volatile int upstreamPort;
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;
    private ScheduledFuture<?> flapping;

    volatile Duration slowDelay = Duration.ofMillis(40);
    volatile int slowChunkBytes = 256;

    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicLong bytesDropped = new AtomicLong();
    final AtomicLong bytesForwarded = new AtomicLong();
    final AtomicInteger slowChunks = new AtomicInteger();
    final AtomicInteger modeSwitches = new AtomicInteger();
    final AtomicInteger uploadsAckLost = new AtomicInteger();

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(LOOPBACK, 0), 128);
        daemon(this::acceptLoop, "fault-proxy-accept").start();
    }

    int port() {
        return listener.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    Mode mode() {
        return mode;
    }

    /** Switches the mode; RESET also kills every live connection at once. */
    void mode(Mode m) {
        mode = Objects.requireNonNull(m);
        modeSwitches.incrementAndGet();
        if (m == Mode.RESET) {
            for (Socket s : sockets) {
                rst(s);
            }
        }
    }

    /** Points new connections at another loopback port (a restarted server). */
    void upstream(int port) {
        upstreamPort = port;
    }

    /** Cycles through {@code cycle} every {@code period} until {@link #stopFlapping(Mode)}. */
    synchronized void startFlapping(Duration period, Mode... cycle) {
        List<Mode> modes = List.of(cycle);
        AtomicInteger i = new AtomicInteger();
        flapping = flapper.scheduleAtFixedRate(
                () -> mode(modes.get(i.getAndIncrement() % modes.size())), 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stopFlapping(Mode then) {
        if (flapping != null) {
            flapping.cancel(false);
            flapping = null;
        }
        // a switch already running finishes before ours (single-threaded flapper)
        try {
            flapper.submit(() -> mode(then)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            daemon(() -> handle(client), "fault-proxy-conn").start();
        }
    }

    private void handle(Socket client) {
        sockets.add(client);
        Mode m = mode;
        if (m == Mode.RESET) {
            rst(client);
            return;
        }
        if (m == Mode.BLACKHOLE) {
            swallow(client);
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(LOOPBACK, upstreamPort), 2000);
        } catch (IOException e) {
            rst(client); // the server is down: connection refused, as the terminal would see it through a router
            closeQuietly(upstream);
            return;
        }
        sockets.add(upstream);
        Link link = new Link(client, upstream);
        daemon(() -> pump(link, client, upstream, true), "fault-proxy-up").start();
        pump(link, upstream, client, false);
    }

    /** One proxied connection: once any byte of it was dropped it stays a black hole. */
    private static final class Link {
        final Socket a;
        final Socket b;
        volatile boolean holed;
        /** The server's answers on this connection are dropped (an entry upload went up). */
        volatile boolean answersLost;

        Link(Socket a, Socket b) {
            this.a = a;
            this.b = b;
        }
    }

    private void pump(Link link, Socket from, Socket to, boolean toServer) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                Mode m = mode;
                int max = m == Mode.SLOW ? Math.min(buf.length, slowChunkBytes) : buf.length;
                int n = in.read(buf, 0, max);
                if (n < 0) {
                    if (!link.holed) {
                        to.shutdownOutput();
                    }
                    return;
                }
                m = mode;
                if (m == Mode.RESET) {
                    rst(link.a);
                    rst(link.b);
                    return;
                }
                if (toServer && m == Mode.LOSE_UPLOAD_ACKS && isEntryUpload(buf, n)) {
                    link.answersLost = true;
                    uploadsAckLost.incrementAndGet();
                }
                if (m == Mode.BLACKHOLE || link.holed || (!toServer && link.answersLost)) {
                    link.holed = true;
                    bytesDropped.addAndGet(n);
                    continue;
                }
                if (m == Mode.SLOW) {
                    slowChunks.incrementAndGet();
                    LockSupport.parkNanos(slowDelay.toNanos()); // the fault itself: a slow link
                }
                out.write(buf, 0, n);
                out.flush();
                bytesForwarded.addAndGet(n);
            }
        } catch (IOException e) {
            closeQuietly(link.a);
            closeQuietly(link.b);
        } finally {
            if (link.a.isClosed() || link.b.isClosed() || link.holed) {
                sockets.remove(from);
            }
        }
    }

    private static boolean isEntryUpload(byte[] buf, int n) {
        String head = new String(buf, 0, Math.min(n, 200), java.nio.charset.StandardCharsets.ISO_8859_1);
        int eol = head.indexOf('\r');
        String line = eol < 0 ? head : head.substring(0, eol);
        return line.startsWith("POST ") && line.contains("/terminal/v1/entries ");
    }

    /** Accepts and never answers: reads and drops until the peer gives up. */
    private void swallow(Socket client) {
        byte[] buf = new byte[4096];
        try (InputStream in = client.getInputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                bytesDropped.addAndGet(n);
                if (mode == Mode.RESET) {
                    rst(client);
                    return;
                }
            }
        } catch (IOException e) {
            // the peer gave up
        } finally {
            closeQuietly(client);
            sockets.remove(client);
        }
    }

    private void rst(Socket s) {
        if (s.isClosed()) {
            sockets.remove(s);
            return;
        }
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException e) {
            // closing anyway
        }
        resets.incrementAndGet();
        closeQuietly(s);
        sockets.remove(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Closes the listener and every live connection. */
    @Override
    public void close() {
        closed = true;
        flapper.shutdownNow();
        try {
            listener.close();
        } catch (IOException e) {
            // nothing to do
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }
}
