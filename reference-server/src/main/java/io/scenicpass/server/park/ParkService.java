package io.scenicpass.server.park;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.flow.FlowService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /shop/park} shows: each described zone's light from the flow's live occupancy, the suggested route
 * through the zones the visitor wants (default: all but the park's own), and today's notices.
 */
public final class ParkService {
    /** The page's content at one moment. */
    public record View(
            Instant asOf,
            LocalDate day,
            List<Crowding.ZoneLight> zones,
            RoutePlanner.Route route,
            List<Notice> notices) {}

    private final Zones zones;
    private final Notices notices;
    private final FlowService flow;
    private final String parkZone;

    public ParkService(Zones zones, Notices notices, FlowService flow, String parkZone) {
        this.zones = zones;
        this.notices = notices;
        this.flow = flow;
        this.parkZone = parkZone;
    }

    /** The view now; {@code wanted}: zone ids (empty: every zone but the park's own), unknown ones refused. */
    public View now(List<String> wanted) {
        FlowService.Occupancy occ = flow.occupancy();
        Map<String, Long> people = new HashMap<>();
        occ.zones().forEach(z -> people.put(z.zoneId(), z.occupancy()));
        List<Crowding.ZoneLight> lights = new ArrayList<>();
        for (Zone z : zones.all()) {
            if (z.capacity() > 0) { // a zone only named (by a gate, before V76) is not described yet
                lights.add(Crowding.of(z, people.getOrDefault(z.id(), 0L)));
            }
        }
        List<String> stops = new ArrayList<>();
        for (String id : wanted) {
            if (lights.stream().noneMatch(l -> l.zone().id().equals(id))) {
                throw new ServiceException(Problem.BAD_REQUEST, "no such zone: " + id, id);
            }
            stops.add(id);
        }
        if (stops.isEmpty()) {
            lights.stream()
                    .filter(l ->
                            l.zone().kind() != Zone.Kind.PARK && !l.zone().id().equals(parkZone))
                    .forEach(l -> stops.add(l.zone().id()));
        }
        return new View(
                occ.asOf(),
                occ.date(),
                lights,
                RoutePlanner.plan(lights, parkZone, stops),
                notices.current(occ.date()));
    }
}
