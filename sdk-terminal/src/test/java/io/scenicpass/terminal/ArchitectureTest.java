package io.scenicpass.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.arch.ApiShape;
import io.scenicpass.terminal.rules.PassCheck;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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

    @Test
    void gateAndRulesHandOutReadOnlyViewsOfStateAndJournal() throws Exception {
        List<Method> accessors = List.of(
                Gate.class.getMethod("state"), Gate.class.getMethod("journal"), PassCheck.class.getMethod("state"));
        Pattern writes = Pattern.compile(
                "(apply|record|save|close|append|mark|useTrusted|checkpoint|prune|retain|load|flush)" + ".*");
        List<String> found = new ArrayList<>();
        for (Method accessor : accessors) {
            Class<?> view = accessor.getReturnType();
            assertThat(view.isInterface()).as("%s returns %s", accessor, view).isTrue();
            for (Method m : view.getMethods()) {
                if (writes.matcher(m.getName()).matches()) {
                    found.add(view.getSimpleName() + "." + m.getName());
                }
                // the views it hands on (manifest, ledger) are read-only too
                if (m.getReturnType().getName().startsWith(ROOT)) {
                    for (Method inner : m.getReturnType().getMethods()) {
                        if (writes.matcher(inner.getName()).matches()) {
                            found.add(m.getReturnType().getSimpleName() + "." + inner.getName());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
