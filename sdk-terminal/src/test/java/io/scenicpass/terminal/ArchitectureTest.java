package io.scenicpass.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.arch.ApiShape;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shape of sdk-terminal's packages: dependencies go one way, and the API hides the internals. */
class ArchitectureTest {
    private static final String ROOT = "io.scenicpass.terminal";

    /**
     * Each public package is a node; an internal package counts as the public package it implements
     * ({@code internal.journal} as {@code journal}, {@code internal.gate} as the engine's root package).
     */
    static String node(String pkg) {
        String rest = pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
        if (rest.startsWith("internal.")) {
            rest = rest.substring("internal.".length());
            if (rest.equals("gate")) {
                rest = "";
            }
        }
        return rest.isEmpty() ? "(root)" : rest;
    }

    @Test
    void noCycleBetweenPackages() {
        Map<String, Set<String>> graph = ApiShape.packageGraph(Gate.class, ROOT, ArchitectureTest::node);
        assertThat(graph).containsKeys("(root)", "rules", "state", "journal", "sync", "device", "lane");
        assertThat(graph.get("(root)")).contains("rules");
        assertThat(ApiShape.cycles(graph)).as("package cycles in %s", graph).isEmpty();
    }

    @Test
    void noPublicSignatureMentionsAnInternalType() {
        assertThat(ApiShape.internalLeaks(Gate.class)).isEmpty();
    }
}
