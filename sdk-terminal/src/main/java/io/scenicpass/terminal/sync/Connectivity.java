package io.scenicpass.terminal.sync;

/** Whether the gate currently reaches the ScenicPass server. Decided automatically, never by staff. */
public enum Connectivity {
    /** No request has completed yet since start. Decisions are offline. */
    UNKNOWN,
    /** The last requests succeeded quickly enough. */
    ONLINE,
    /** Several requests in a row failed or were too slow. Decisions are offline; sync keeps probing. */
    OFFLINE
}
