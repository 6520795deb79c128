package io.scenicpass.server.terminal;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.server.terminal.store.DeviceStore;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gates of one site exchange entry events on the LAN while the cloud is down, and each uploads what it learnt:
 * an event naming another enrolled device of this site is that device's (checked against its lane, stored under
 * its id, deduplicated by event id whoever uploads it). An event naming no known device is the uploader's own, as
 * before relaying existed.
 */
final class RelayedEvents {
    private static final DeviceStore DEVICES = new DeviceStore();

    private RelayedEvents() {}

    /**
     * @return the indexes of {@code events} to store, grouped by the device that decided them (the uploader
     *     first); a revoked origin device is returned as such, for the caller to refuse its events
     */
    static Map<DeviceRow, List<Integer>> byOrigin(
            Connection c, DeviceRow uploader, List<EntryEvent> events, List<Integer> indexes) throws SQLException {
        Map<String, Optional<DeviceRow>> known = new HashMap<>();
        known.put(uploader.id(), Optional.of(uploader));
        Map<DeviceRow, List<Integer>> out = new LinkedHashMap<>();
        out.put(uploader, new ArrayList<>());
        for (int i : indexes) {
            String named = events.get(i).deviceId();
            DeviceRow origin = uploader;
            if (named != null && !named.equals(uploader.id()) && named.length() <= 64) {
                Optional<DeviceRow> d = known.get(named);
                if (d == null) {
                    d = DEVICES.find(c, named);
                    known.put(named, d);
                }
                origin = d.orElse(uploader);
            }
            out.computeIfAbsent(origin, k -> new ArrayList<>()).add(i);
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }
}
