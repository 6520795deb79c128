package io.scenicpass.server.demo;

import io.scenicpass.server.park.Notices;
import io.scenicpass.server.park.ParkModule;
import io.scenicpass.server.park.Zone;
import io.scenicpass.server.park.Zones;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo park's zones as an operator describes them (names, kinds, capacities, walks between them) and two notices
 * for the coming weeks: parking and the shuttle bus. Seeded once ({@code demo.park}).
 */
final class DemoPark {
    private DemoPark() {}

    static void seed(ParkModule park, LocalDate today) {
        Zones z = park.zones;
        z.put("park", new Zones.Input("主景区", "Mountain park", Zone.Kind.PARK.name(), 20_000, List.of()));
        z.put(
                "museum",
                new Zones.Input(
                        "黄山博物馆",
                        "Huangshan museum",
                        Zone.Kind.MUSEUM.name(),
                        300,
                        List.of(new Zones.PathInput("park", 10))));
        z.put(
                "cableway",
                new Zones.Input(
                        "云谷索道",
                        "Yungu cable car",
                        Zone.Kind.CABLE_CAR.name(),
                        600,
                        List.of(new Zones.PathInput("park", 15), new Zones.PathInput("museum", 20))));
        String until = today.plusDays(60).toString();
        park.notices.post(new Notices.Input(
                "PARKING",
                "INFO",
                "北门停车场 P1 周末常满",
                "North car park P1 fills up at weekends",
                "周末请停南门 P2，换乘免费接驳车（每 10 分钟一班）。",
                "At weekends, park at the south car park P2 and take the free shuttle (every 10 minutes).",
                today.toString(),
                until));
        park.notices.post(new Notices.Input(
                "TRANSPORT",
                "INFO",
                "景区接驳车 7:00–18:30",
                "Park shuttle 7:00–18:30",
                "汤口换乘中心至云谷索道站，每 15 分钟一班，凭门票免费。",
                "From the Tangkou transfer centre to the cable car station every 15 minutes, free with your ticket.",
                today.toString(),
                until));
    }
}
