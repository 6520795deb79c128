package io.scenicpass.server.sales.store;

import java.util.List;

/**
 * A sellable product of the scenic area.
 *
 * @param passKind the sdk-core {@code PassKind} name of the passes it issues (e.g. TIMED_SLOT; DAY: sold by opening
 *     hours, see {@link #openingHours()})
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
        boolean active) {

    /**
     * Whether the product is sold by opening hours (OCTO {@code OPENING_HOURS}): a DAY pass, one availability per day
     * spanning the opening hours (its options have a single slot a day; see CatalogueService's checks).
     */
    public boolean openingHours() {
        return "DAY".equals(passKind);
    }
}
