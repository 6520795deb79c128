package io.scenicpass.terminal.lane;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.wire.PushMessage;
import io.scenicpass.core.wire.PushType;
import io.scenicpass.terminal.device.DisplayTone;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Brings the server's display pushes to the lanes' displays: remaining capacity (CAPACITY: the sum over the slots
 * running now), operator messages (MESSAGE: to every gate, or only to this one) and alerts (ALERT, shown in the alert
 * tone). Call {@link #apply} from {@code SyncListener.displayPush}; state pushes are ignored here.
 */
public final class DisplayPushes {
    /** What a push showed, for the gate application's log or console. */
    public static final class Shown {
        private final PushType type;
        private final String zh;
        private final String en;
        private final OptionalInt remaining;

        Shown(PushType type, String zh, String en, OptionalInt remaining) {
            this.type = type;
            this.zh = zh;
            this.en = en;
            this.remaining = remaining;
        }

        /** @return CAPACITY, MESSAGE or ALERT */
        public PushType type() {
            return type;
        }

        /** @return the Chinese text (messages and alerts), or null */
        public String zh() {
            return zh;
        }

        /** @return the English text (messages and alerts), or null */
        public String en() {
            return en;
        }

        /** @return the remaining capacity shown (CAPACITY), empty when hidden or not a capacity push */
        public OptionalInt remaining() {
            return remaining;
        }

        @Override
        public String toString() {
            return type == PushType.CAPACITY
                    ? "[CAPACITY] remaining " + (remaining.isPresent() ? remaining.getAsInt() : "-")
                    : "[" + type + "] " + zh + " / " + en;
        }
    }

    private final String gateId;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();

    /** @param gateId this terminal's gate (operator messages for another gate are not shown); null: show all */
    public DisplayPushes(String gateId) {
        this.gateId = gateId;
    }

    /**
     * @param lane a lane whose display shows the pushes
     * @return this
     */
    public DisplayPushes lane(Lane lane) {
        lanes.add(lane);
        return this;
    }

    /**
     * Shows a push on every lane's display.
     *
     * @param m a push from the server
     * @return what was shown, or empty (not a display push, or a message for another gate)
     */
    public Optional<Shown> apply(PushMessage m) {
        if (m == null || m.type() == null || m.payload() == null) {
            return Optional.empty();
        }
        JsonNode p = m.payload();
        switch (m.type()) {
            case CAPACITY:
                OptionalInt remaining = remaining(p);
                lanes.forEach(l -> l.showRemainingCapacity(remaining));
                return Optional.of(new Shown(PushType.CAPACITY, null, null, remaining));
            case MESSAGE:
                String target = p.path("gateId").asText(null);
                if (target != null && gateId != null && !target.equals(gateId)) {
                    return Optional.empty();
                }
                return show(m.type(), p, DisplayTone.INFO);
            case ALERT:
                return show(m.type(), p, DisplayTone.ALERT);
            default:
                return Optional.empty();
        }
    }

    private Optional<Shown> show(PushType type, JsonNode p, DisplayTone tone) {
        String zh = p.path("zh").asText("");
        String en = p.path("en").asText("");
        lanes.forEach(l -> l.showMessage(zh, en, tone));
        return Optional.of(new Shown(type, zh, en, OptionalInt.empty()));
    }

    /** The sum of the running slots' remaining places; empty when no slot runs now. */
    private static OptionalInt remaining(JsonNode p) {
        JsonNode slots = p.path("slots");
        if (!slots.isArray() || slots.size() == 0) {
            return OptionalInt.empty();
        }
        long sum = 0;
        for (JsonNode s : slots) {
            sum += Math.max(0, s.path("remaining").asLong(0));
        }
        return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, sum));
    }
}
