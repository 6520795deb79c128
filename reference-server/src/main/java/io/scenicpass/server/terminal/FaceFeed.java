package io.scenicpass.server.terminal;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * What the face feature ({@code face/}) adds to the terminal feeds, inside their transactions: the face templates of a
 * manifest page sealed for the requesting device, and the face an entry event brings for enrolment.
 */
public interface FaceFeed {
    /** No face feature: no templates, enrolments ignored. */
    FaceFeed NONE = new FaceFeed() {
        @Override
        public Map<String, Map<String, String>> sealedFor(Connection c, DeviceRow device, long since, long upper) {
            return Map.of();
        }

        @Override
        public void enrolled(Connection c, DeviceRow origin, EntryEvent event) {}
    };

    /** By pass id, the subject ids and templates sealed for {@code device} of the manifest rows (since, upper]. */
    Map<String, Map<String, String>> sealedFor(Connection c, DeviceRow device, long since, long upper)
            throws SQLException;

    /** An accepted admission of {@code origin} carried a captured face ({@link EntryEvent#faceEnrolment()}). */
    void enrolled(Connection c, DeviceRow origin, EntryEvent event) throws SQLException;
}
