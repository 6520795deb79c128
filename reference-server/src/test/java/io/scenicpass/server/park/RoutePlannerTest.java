package io.scenicpass.server.park;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The route rule on small graphs checked by hand: calm zones first, each time the nearest on foot; FULL ones last; the
 * walk goes around a FULL zone when a path does, through it only when none does; unreachable zones apart.
 */
class RoutePlannerTest {
    /** Zones with capacity 10 and {@code people[i]} in them; paths "a-b:5". */
    private static List<Crowding.ZoneLight> park(Map<String, Integer> people, String... paths) {
        Map<String, List<Zone.Path>> adj = new LinkedHashMap<>();
        people.keySet().forEach(id -> adj.put(id, new ArrayList<>()));
        for (String p : paths) {
            String[] ab = p.split("[-:]");
            adj.get(ab[0]).add(new Zone.Path(ab[1], Integer.parseInt(ab[2])));
        }
        List<Crowding.ZoneLight> out = new ArrayList<>();
        people.forEach((id, n) -> out.add(Crowding.of(
                new Zone(id, id, id, id.equals("gate") ? Zone.Kind.PARK : Zone.Kind.OTHER, 10, adj.get(id)), n)));
        return out;
    }

    private static List<String> order(RoutePlanner.Route r) {
        return r.steps().stream().map(s -> s.zone().zone().id()).toList();
    }

    @Test
    void lightsFollowTheStatedThresholds() {
        Zone z = new Zone("m", "馆", "M", Zone.Kind.MUSEUM, 10, List.of());
        assertThat(Crowding.of(z, 5).light()).isEqualTo(Crowding.Light.PLENTY);
        assertThat(Crowding.of(z, 6).light()).isEqualTo(Crowding.Light.BUSY);
        assertThat(Crowding.of(z, 8).light()).isEqualTo(Crowding.Light.BUSY);
        assertThat(Crowding.of(z, 9).light()).isEqualTo(Crowding.Light.FULL);
        assertThat(Crowding.of(z, 14).percent()).isEqualTo(140);
        assertThat(Crowding.of(z, -3).light()).isEqualTo(Crowding.Light.PLENTY);
    }

    @Test
    void allCalmTheNearestOnFootEachTime() {
        // gate -5- a -5- b ; gate -20- c : a (5), then b (5), then c (5+5+20 = 30): 40 in all
        List<Crowding.ZoneLight> z = park(Map.of("gate", 0, "a", 0, "b", 0, "c", 0), "gate-a:5", "a-b:5", "c-gate:20");
        RoutePlanner.Route r = RoutePlanner.plan(z, "gate", List.of("a", "b", "c"));
        assertThat(order(r)).containsExactly("a", "b", "c");
        assertThat(r.steps()).extracting(RoutePlanner.Step::walkMinutes).containsExactly(5, 5, 30);
        assertThat(r.steps().get(2).via()).containsExactly("a", "gate");
        assertThat(r.totalWalkMinutes()).isEqualTo(40);
        assertThat(r.unreachable()).isEmpty();
    }

    @Test
    void aFullZoneComesLastAndTheWalkGoesAroundIt() {
        // gate -5- a -5- b, gate -10- d -10- b; a is FULL (9 of 10):
        // d first (10), then b around a through d's path (10, not back through a), a last (5 from b)
        List<Crowding.ZoneLight> z = park(
                new LinkedHashMap<>(Map.of("gate", 0, "a", 9, "b", 2, "d", 1)),
                "gate-a:5",
                "a-b:5",
                "gate-d:10",
                "d-b:10");
        RoutePlanner.Route r = RoutePlanner.plan(z, "gate", List.of("a", "b", "d"));
        assertThat(order(r)).containsExactly("d", "b", "a");
        assertThat(r.steps()).extracting(RoutePlanner.Step::walkMinutes).containsExactly(10, 10, 5);
        assertThat(r.steps()).extracting(RoutePlanner.Step::later).containsExactly(false, false, true);
        assertThat(r.steps()).noneMatch(RoutePlanner.Step::throughCrowded);

        // wanting only b: the path through a is 10, around it 20; the route takes the longer calm walk
        RoutePlanner.Route onlyB = RoutePlanner.plan(z, "gate", List.of("b"));
        assertThat(onlyB.steps().get(0).walkMinutes()).isEqualTo(20);
        assertThat(onlyB.steps().get(0).via()).containsExactly("d");
    }

    @Test
    void throughAFullZoneOnlyWhenNoOtherPathExists() {
        // gate -5- a -5- b and nothing else: b is calm but behind a FULL zone
        List<Crowding.ZoneLight> z = park(Map.of("gate", 0, "a", 10, "b", 0), "gate-a:5", "b-a:5");
        RoutePlanner.Route r = RoutePlanner.plan(z, "gate", List.of("b", "a"));
        assertThat(order(r)).containsExactly("b", "a");
        assertThat(r.steps().get(0).throughCrowded()).isTrue();
        assertThat(r.steps().get(0).via()).containsExactly("a");
        assertThat(r.steps().get(1).walkMinutes()).isEqualTo(5);
    }

    @Test
    void equalWalksGoToTheLessCrowdedFirstAndUnreachableZonesAreListedApart() {
        // gate -5- a (7 people, BUSY), gate -5- b (1 person): b first; island x has no path
        List<Crowding.ZoneLight> z = park(Map.of("gate", 0, "a", 7, "b", 1, "x", 0), "gate-a:5", "gate-b:5");
        RoutePlanner.Route r = RoutePlanner.plan(z, "gate", List.of("a", "b", "x", "nowhere"));
        assertThat(order(r)).containsExactly("b", "a");
        assertThat(r.steps()).extracting(RoutePlanner.Step::walkMinutes).containsExactly(5, 10);
        assertThat(r.unreachable()).containsExactly("x");
    }

    @Test
    void aPathListedByBothEndsCountsItsShorterWalk() {
        List<Crowding.ZoneLight> z = park(Map.of("gate", 0, "a", 0), "gate-a:12", "a-gate:8");
        assertThat(RoutePlanner.plan(z, "gate", List.of("a")).totalWalkMinutes())
                .isEqualTo(8);
    }
}
