package io.scenicpass.server.terminal;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;

/**
 * What an enrolled device is for, fixed by the enrollment token it used: a GATE checks tickets (the default), a KIOSK
 * sells unattended, a BOX_OFFICE sells staffed (cash, shifts, refunds, offline selling). Stored by name.
 */
public enum DeviceRole {
    GATE,
    KIOSK,
    BOX_OFFICE;

    /** Whether this device may sell at the counter. */
    public boolean sells() {
        return this != GATE;
    }

    /** The role named {@code s} (null: GATE); BAD_REQUEST for anything else. */
    public static DeviceRole parse(String s) {
        if (s == null) {
            return GATE;
        }
        for (DeviceRole r : values()) {
            if (r.name().equals(s.trim())) {
                return r;
            }
        }
        throw new ServiceException(Problem.BAD_REQUEST, "role must be GATE, KIOSK or BOX_OFFICE");
    }
}
