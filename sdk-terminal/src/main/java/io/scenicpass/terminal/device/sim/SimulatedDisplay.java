package io.scenicpass.terminal.device.sim;

import io.scenicpass.terminal.device.Display;
import io.scenicpass.terminal.device.DisplayTone;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/** A display that remembers what it showed (the simulated gate prints it). */
public final class SimulatedDisplay extends SimulatedDevice implements Display {
    /** One message shown. */
    public static final class Shown {
        private final String zh;
        private final String en;
        private final DisplayTone tone;

        Shown(String zh, String en, DisplayTone tone) {
            this.zh = zh;
            this.en = en;
            this.tone = tone;
        }

        /** Chinese text. */
        public String zh() {
            return zh;
        }

        /** English text. */
        public String en() {
            return en;
        }

        /** Tone. */
        public DisplayTone tone() {
            return tone;
        }

        @Override
        public String toString() {
            return "[" + tone + "] " + zh + " / " + en;
        }
    }

    private final List<Shown> history = new ArrayList<>();
    private OptionalInt capacity = OptionalInt.empty();

    /** Creates the display. */
    public SimulatedDisplay(String deviceId, Clock clock) {
        super(deviceId, clock);
    }

    @Override
    public synchronized void show(String zh, String en, DisplayTone tone) {
        history.add(new Shown(zh, en, tone));
    }

    @Override
    public synchronized void showRemainingCapacity(OptionalInt remaining) {
        capacity = remaining;
    }

    /** The last message, or null. */
    public synchronized Shown last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** Every message shown, oldest first. */
    public synchronized List<Shown> history() {
        return Collections.unmodifiableList(new ArrayList<>(history));
    }

    /** The capacity shown. */
    public synchronized OptionalInt remainingCapacity() {
        return capacity;
    }
}
