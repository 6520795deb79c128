package io.scenicpass.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection on a plain blocking socket: the load tools hold thousands of these (one per
 * virtual thread), which no pooled client lets us control exactly. Enough HTTP for our server's JSON answers:
 * Content-Length or chunked bodies, {@code Connection: close}.
 */
final class RawHttp implements Closeable {
    /** Status and body of an answer. */
    record Answer(int status, String body) {}

    private final String hostHeader;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean closed;

    RawHttp(String host, int port, int timeoutMillis) throws IOException {
        this.hostHeader = host + ":" + port;
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = socket.getOutputStream();
    }

    boolean isOpen() {
        return !closed;
    }

    Answer get(String path, String bearer) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: Bearer " + bearer
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return read();
    }

    Answer post(String path, String bearer, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] msg = new byte[h.length + body.length];
        System.arraycopy(h, 0, msg, 0, h.length);
        System.arraycopy(body, 0, msg, h.length, body.length);
        out.write(msg);
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String l = line(); !l.isEmpty(); l = line()) {
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closed = true;
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (chunked) {
            for (long n = Long.parseLong(line().split(";")[0].trim(), 16);
                    n > 0;
                    n = Long.parseLong(line().split(";")[0].trim(), 16)) {
                copy(b, n);
                line();
            }
            for (String l = line(); !l.isEmpty(); l = line()) {
                // trailers
            }
        } else if (length >= 0) {
            copy(b, length);
        } else {
            closed = true;
            in.transferTo(b);
        }
        return new Answer(code, b.toString(StandardCharsets.UTF_8));
    }

    private void copy(ByteArrayOutputStream b, long n) throws IOException {
        byte[] buf = new byte[4096];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new EOFException("connection closed mid-body");
            }
            b.write(buf, 0, r);
            n -= r;
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
