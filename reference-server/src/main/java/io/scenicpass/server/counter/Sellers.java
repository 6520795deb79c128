package io.scenicpass.server.counter;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.terminal.DeviceRole;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;

/** The role checks of the counter routes (403 NOT_A_SELLER, 403 BOX_OFFICE_ONLY), for every counter feature. */
public final class Sellers {
    private Sellers() {}

    /** A kiosk or a box office; else NOT_A_SELLER. */
    public static DeviceRow seller(DeviceRow d) {
        if (d == null || !d.role().sells()) {
            throw new ServiceException(
                    Problem.NOT_A_SELLER,
                    "this device is enrolled as a " + (d == null ? "gate" : d.role()) + ": only a KIOSK or BOX_OFFICE"
                            + " sells",
                    d == null ? null : d.id());
        }
        return d;
    }

    /** A box office (cash, shifts, refunds, reprints, offline selling); else BOX_OFFICE_ONLY (NOT_A_SELLER for a gate). */
    public static DeviceRow boxOffice(DeviceRow d, String what) {
        seller(d);
        if (d.role() != DeviceRole.BOX_OFFICE) {
            throw new ServiceException(
                    Problem.BOX_OFFICE_ONLY, what + " only at a staffed BOX_OFFICE, not at a " + d.role(), d.id());
        }
        return d;
    }
}
