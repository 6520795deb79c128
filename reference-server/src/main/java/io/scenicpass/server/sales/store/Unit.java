package io.scenicpass.server.sales.store;

/** A unit (ticket type) of an option: ADULT, CHILD, SENIOR… */
public record Unit(
        String id,
        String optionId,
        String type,
        String internalName,
        Integer minAge,
        Integer maxAge,
        boolean idRequired,
        int paxCount) {}
