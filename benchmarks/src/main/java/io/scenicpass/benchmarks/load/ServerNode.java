package io.scenicpass.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A reference server process started from the shaded jar ({@code serve}); its base URL is read from its stdout. */
final class ServerNode implements AutoCloseable {
    final Process process;
    final String baseUrl;
    final String host;
    final int port;

    ServerNode(
            String javaBin,
            Path serverJar,
            Path data,
            String dbUrl,
            String adminToken,
            List<String> jvmArgs,
            List<String> env,
            Path log)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBin));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of(
                "-jar",
                serverJar.toString(),
                "serve",
                "--port",
                "0",
                "--data",
                data.toString(),
                "--db",
                dbUrl,
                "--db-user",
                "postgres"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        pb.environment().put("SCENICPASS_ADMIN_TOKEN", adminToken);
        pb.environment().put("SCENICPASS_KEY_PASSPHRASE", "flash-sale-passphrase");
        for (String kv : env) {
            int i = kv.indexOf('=');
            pb.environment().put(kv.substring(0, i), kv.substring(i + 1));
        }
        process = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    if (l.startsWith("ScenicPass server listening on ")) {
                        return l.substring("ScenicPass server listening on ".length())
                                .trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String u;
        try {
            u = url.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            u = null;
        }
        if (u == null) {
            process.destroyForcibly();
            throw new IOException("server did not start; see " + log);
        }
        Thread drain = new Thread(
                () -> {
                    try {
                        while (r.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException e) {
                        // gone
                    }
                },
                "server-stdout");
        drain.setDaemon(true);
        drain.start();
        baseUrl = u;
        java.net.URI uri = java.net.URI.create(u); // NOPMD
        host = uri.getHost();
        port = uri.getPort();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
