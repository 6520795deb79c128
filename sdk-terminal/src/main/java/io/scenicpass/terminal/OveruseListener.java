package io.scenicpass.terminal;

import io.scenicpass.terminal.state.OveruseNotice;

/** Told when the server reports that an entry this gate uploaded was over-use. */
@FunctionalInterface
public interface OveruseListener {
    /** @param notice the notice (already persisted) */
    void overuseReported(OveruseNotice notice);
}
