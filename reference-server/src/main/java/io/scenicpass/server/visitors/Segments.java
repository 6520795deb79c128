package io.scenicpass.server.visitors;

import java.util.Set;

/** Computed tags and saved segments of visitors (each tag and segment has a stated rule, see docs/operations.md). */
public interface Segments {
    /** The visitor's current tags, e.g. {@code family}, {@code senior}, {@code repeat}, {@code culture}. */
    Set<String> tagsOf(long visitorId);

    /** Whether the visitor is in the saved segment with this code; false for an unknown segment or visitor. */
    boolean contains(String segmentCode, long visitorId);
}
