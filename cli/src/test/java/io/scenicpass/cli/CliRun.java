package io.scenicpass.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process with redirected streams. */
final class CliRun {
    final int exit;
    final String out;
    final String err;

    private CliRun(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static CliRun run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The output's lines, each read as JSON ({@code --json}). */
    List<com.fasterxml.jackson.databind.JsonNode> json() {
        List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
        for (String line : lines()) {
            try {
                out.add(ReferenceServerProcess.JSON.readTree(line));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return out;
    }

    /** The JSON lines of {@code type}. */
    static List<com.fasterxml.jackson.databind.JsonNode> all(
            List<com.fasterxml.jackson.databind.JsonNode> out, String type) {
        List<com.fasterxml.jackson.databind.JsonNode> l = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode n : out) {
            if (type.equals(n.path("type").asText())) {
                l.add(n);
            }
        }
        return l;
    }

    /** The first JSON line of {@code type} (asserting there is one). */
    static com.fasterxml.jackson.databind.JsonNode first(
            List<com.fasterxml.jackson.databind.JsonNode> out, String type) {
        List<com.fasterxml.jackson.databind.JsonNode> l = all(out, type);
        org.assertj.core.api.Assertions.assertThat(l)
                .as("a '%s' line in %s", type, out)
                .isNotEmpty();
        return l.get(0);
    }

    List<String> lines() {
        List<String> l = new ArrayList<>();
        for (String s : out.split("\n")) {
            if (!s.isEmpty()) {
                l.add(s);
            }
        }
        return l;
    }
}
