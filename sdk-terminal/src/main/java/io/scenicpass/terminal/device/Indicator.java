package io.scenicpass.terminal.device;

/** Lights and buzzer on a lane. */
public interface Indicator extends Device {
    /** Switches to a signal; never throws. */
    void signal(IndicatorSignal signal);
}
