package io.scenicpass.server.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JVM on the test classpath running {@code main} of a test class; its stdout lines are collected. */
final class ChildJvm implements AutoCloseable {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();

    ChildJvm(Class<?> main, Path stderr, String... args) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(
                List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        // the child died
                    }
                },
                "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return the rest of the first line starting with {@code prefix + " "}, or null */
    String value(String prefix) {
        for (String l : lines) {
            if (l.startsWith(prefix + " ")) {
                return l.substring(prefix.length() + 1);
            }
        }
        return null;
    }

    /** kill -9. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
