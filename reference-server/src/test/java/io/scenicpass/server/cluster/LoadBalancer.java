package io.scenicpass.server.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP load balancer for the cluster tests: each new client connection goes to the next backend in
 * round-robin order; a backend that refuses the connection is skipped (as a health-checking balancer would). No
 * stickiness: a client's connection dies with its node and its next connection lands on a live one. Optionally
 * delays every chunk forwarded to the client (a slow link, so a kill hits mid-upload), and remembers which backend
 * last received an entry upload ({@code POST /terminal/v1/entries}, by peeking at request lines).
 */
final class LoadBalancer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Integer> backends = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    volatile Duration chunkDelay = Duration.ZERO;
    volatile int lastUploadBackend = -1;
    private volatile boolean closed;

    LoadBalancer(List<Integer> backendPorts) throws IOException {
        backends.addAll(backendPorts);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "lb-accept");
        t.setDaemon(true);
        t.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void backends(List<Integer> ports) {
        backends.clear();
        backends.addAll(ports);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> route(client), "lb-route");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("[lb] accept failed: " + e);
                }
            }
        }
    }

    private void route(Socket client) {
        int n = backends.size();
        for (int i = 0; i < n; i++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), n));
            Socket up = new Socket();
            try {
                up.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            } catch (IOException e) {
                skipped.incrementAndGet();
                closeQuietly(up);
                continue;
            }
            open.add(up);
            pump(client, up, port, true);
            pump(up, client, port, false);
            return;
        }
        closeQuietly(client); // no live backend
    }

    private void pump(Socket from, Socket to, int port, boolean request) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int r;
                        while ((r = in.read(buf)) >= 0) {
                            if (request
                                    && r > 26
                                    && new String(buf, 0, 26, StandardCharsets.US_ASCII)
                                            .equals("POST /terminal/v1/entries ")) {
                                lastUploadBackend = port;
                            }
                            if (!request && !chunkDelay.isZero()) {
                                Object lock = new Object();
                                synchronized (lock) {
                                    lock.wait(chunkDelay.toMillis()); // the slow link
                                }
                            }
                            out.write(buf, 0, r);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // one side went away
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "lb-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
