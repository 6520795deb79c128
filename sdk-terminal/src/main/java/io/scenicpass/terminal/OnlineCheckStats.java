package io.scenicpass.terminal;

/**
 * What the gate's online check did since the gate opened ({@link Gate#onlineCheckStats()}): how often it asked, how
 * often the server answered in time, and how often the gate decided offline instead (over the latency budget, an
 * error, or no network) — those decisions are journaled with {@code offline = true}, so the operator sees them in
 * the entry list too.
 */
public final class OnlineCheckStats {
    private final long asked;
    private final long answered;
    private final long fellBack;

    /**
     * @param asked online checks started
     * @param answered answers that arrived within the budget
     * @param fellBack decisions taken offline instead (asked - answered)
     */
    public OnlineCheckStats(long asked, long answered, long fellBack) {
        this.asked = asked;
        this.answered = answered;
        this.fellBack = fellBack;
    }

    /** @return online checks started */
    public long asked() {
        return asked;
    }

    /** @return answers that arrived within the budget */
    public long answered() {
        return answered;
    }

    /** @return decisions taken offline because no answer came in time (timeout, error, offline) */
    public long fellBack() {
        return fellBack;
    }

    @Override
    public String toString() {
        return "OnlineCheckStats{asked=" + asked + ", answered=" + answered + ", fellBack=" + fellBack + "}";
    }
}
