package io.scenicpass.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Ctrip's notice address on a real local port: keeps every envelope it receives and accepts it (result code 0000). */
public final class CtripReceiver implements AutoCloseable {
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final HttpServer http;

    public CtripReceiver() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/notice", ex -> {
            received.add(new ObjectMapper().readTree(ex.getRequestBody().readAllBytes()));
            byte[] ok = "{\"header\":{\"resultCode\":\"0000\",\"resultMessage\":\"接收成功\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        http.start();
    }

    /** The address to configure as the channel's {@code noticeUrl}. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/notice";
    }

    /** The envelopes received of one service ("OrderConsumedNotice", "DateInventoryModify"). */
    public List<JsonNode> of(String serviceName) {
        return received.stream()
                .filter(n -> n.path("header").path("serviceName").asText().equals(serviceName))
                .toList();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
