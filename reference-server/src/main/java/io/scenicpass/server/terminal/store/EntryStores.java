package io.scenicpass.server.terminal.store;

import io.scenicpass.server.db.Dialect;

/** The stores of the entry side, one per aggregate: entry events, pass use, over-use conflicts, telemetry. */
public record EntryStores(EntryEventStore events, PassUseStore use, ConflictStore conflicts, TelemetryStore telemetry) {

    /** The entry stores for a database of this dialect. */
    public static EntryStores of(Dialect dialect) {
        return new EntryStores(
                new EntryEventStore(dialect), new PassUseStore(dialect), new ConflictStore(), new TelemetryStore());
    }
}
