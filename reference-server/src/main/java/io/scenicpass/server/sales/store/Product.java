package io.scenicpass.server.sales.store;

import java.util.List;

/**
 * A sellable product of the scenic area.
 *
 * @param passKind the sdk-core {@code PassKind} name of the passes it issues (e.g. TIMED_SLOT)
 * @param groupPass true: one pass for the whole booking instead of one per unit item
 * @param zones zones its passes open (empty = every zone)
 * @param dayPool id of the daily capacity pool it draws from (null = none)
 */
public record Product(
        String id,
        String internalName,
        String reference,
        String timeZone,
        String passKind,
        boolean groupPass,
        List<String> zones,
        String dayPool,
        int cancelCutoffMinutes,
        String currency,
        boolean active) {}
