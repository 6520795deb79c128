package io.scenicpass.server.park;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The suggested route, by one rule (docs/operations.md "In the park"): from the park's entrance zone, first every
 * wanted zone that is not FULL, each time the nearest on foot (ties: the less crowded, then by id); then the FULL
 * ones the same way, last, when they may have eased. The walk between two stops takes the shortest path that does
 * not pass THROUGH a FULL zone; only when there is none it goes through one (the step says so). Wanted zones no path
 * reaches are listed apart.
 */
public final class RoutePlanner {
    /** One stop: the zone, the minutes walked from the previous stop, the zones passed on the way. */
    public record Step(
            Crowding.ZoneLight zone, int walkMinutes, List<String> via, boolean later, boolean throughCrowded) {}

    /** The stops in order, the total walk, and the wanted zones no path reaches. */
    public record Route(String start, List<Step> steps, int totalWalkMinutes, List<String> unreachable) {}

    private RoutePlanner() {}

    /**
     * Plans the route through {@code wanted} (zone ids; the start and unknown ids are skipped) starting at {@code start}
     * (null, or not a zone: at the first stop chosen, the least crowded).
     */
    public static Route plan(Collection<Crowding.ZoneLight> zones, String start, Collection<String> wanted) {
        Map<String, Crowding.ZoneLight> byId = new LinkedHashMap<>();
        zones.forEach(z -> byId.put(z.zone().id(), z));
        Map<String, Map<String, Integer>> graph = graph(byId);
        Set<String> full = new HashSet<>();
        byId.values().stream()
                .filter(z -> z.light() == Crowding.Light.FULL)
                .forEach(z -> full.add(z.zone().id()));
        String from = start != null && byId.containsKey(start) ? start : null;
        List<String> stops = new ArrayList<>();
        for (String id : wanted) {
            if (byId.containsKey(id) && !id.equals(from) && !stops.contains(id)) {
                stops.add(id);
            }
        }
        Comparator<String> calmFirst =
                Comparator.<String>comparingInt(id -> byId.get(id).percent()).thenComparing(id -> id);
        List<Step> steps = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        int total = 0;
        for (boolean later : new boolean[] {false, true}) {
            Set<String> left = new HashSet<>();
            stops.stream().filter(id -> full.contains(id) == later).forEach(left::add);
            while (!left.isEmpty()) {
                if (from == null) { // no entrance: begin at the least crowded stop
                    from = left.stream().min(calmFirst).orElseThrow();
                    left.remove(from);
                    steps.add(new Step(byId.get(from), 0, List.of(), later, false));
                    continue;
                }
                Paths around = shortest(graph, from, full);
                Paths through = shortest(graph, from, Set.of());
                String next = nearest(left, around, calmFirst);
                Paths used = around;
                if (next == null) {
                    next = nearest(left, through, calmFirst);
                    used = through;
                }
                if (next == null) {
                    unreachable.addAll(left.stream().sorted().toList());
                    break;
                }
                List<String> via = used.via(from, next);
                int walk = used.dist.get(next);
                steps.add(
                        new Step(byId.get(next), walk, via, later, via.stream().anyMatch(full::contains)));
                total += walk;
                left.remove(next);
                from = next;
            }
        }
        return new Route(start != null && byId.containsKey(start) ? start : null, steps, total, unreachable);
    }

    private static String nearest(Set<String> left, Paths p, Comparator<String> ties) {
        return left.stream()
                .filter(p.dist::containsKey)
                .min(Comparator.<String>comparingInt(p.dist::get).thenComparing(ties))
                .orElse(null);
    }

    /** Two-way adjacency; a path listed by both ends (with different minutes) counts its shorter walk. */
    private static Map<String, Map<String, Integer>> graph(Map<String, Crowding.ZoneLight> byId) {
        Map<String, Map<String, Integer>> g = new HashMap<>();
        for (Crowding.ZoneLight z : byId.values()) {
            for (Zone.Path p : z.zone().neighbours()) {
                if (byId.containsKey(p.zoneId())) {
                    g.computeIfAbsent(z.zone().id(), k -> new HashMap<>())
                            .merge(p.zoneId(), p.walkMinutes(), Math::min);
                    g.computeIfAbsent(p.zoneId(), k -> new HashMap<>())
                            .merge(z.zone().id(), p.walkMinutes(), Math::min);
                }
            }
        }
        return g;
    }

    /** Dijkstra's shortest walks from one zone. */
    private record Paths(Map<String, Integer> dist, Map<String, String> prev) {
        /** The zones passed between {@code from} and {@code to}, both left out. */
        List<String> via(String from, String to) {
            LinkedList<String> out = new LinkedList<>();
            for (String at = prev.get(to); at != null && !at.equals(from); at = prev.get(at)) {
                out.addFirst(at);
            }
            return List.copyOf(out);
        }
    }

    /** Shortest walks from {@code from} never passing through a zone of {@code avoid} (it may still be the end). */
    private static Paths shortest(Map<String, Map<String, Integer>> g, String from, Set<String> avoid) {
        Map<String, Integer> dist = new HashMap<>();
        Map<String, String> prev = new HashMap<>();
        PriorityQueue<Map.Entry<String, Integer>> q = new PriorityQueue<>(
                Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        dist.put(from, 0);
        q.add(Map.entry(from, 0));
        while (!q.isEmpty()) {
            Map.Entry<String, Integer> e = q.poll();
            String u = e.getKey();
            if (e.getValue() > dist.get(u) || (!u.equals(from) && avoid.contains(u))) {
                continue;
            }
            for (Map.Entry<String, Integer> n : g.getOrDefault(u, Map.of()).entrySet()) {
                int d = e.getValue() + n.getValue();
                if (d < dist.getOrDefault(n.getKey(), Integer.MAX_VALUE)) {
                    dist.put(n.getKey(), d);
                    prev.put(n.getKey(), u);
                    q.add(Map.entry(n.getKey(), d));
                }
            }
        }
        dist.remove(from);
        return new Paths(dist, prev);
    }
}
