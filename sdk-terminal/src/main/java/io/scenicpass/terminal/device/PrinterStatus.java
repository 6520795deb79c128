package io.scenicpass.terminal.device;

/** What a ticket printer last reported about itself. */
public enum PrinterStatus {
    /** Not asked yet (not started, or the port is not open). */
    UNKNOWN(null),
    /** Online, paper present. */
    READY(null),
    /** Online, but the roll is nearly empty: it still prints; replace the roll soon. */
    PAPER_NEAR_END(null),
    /** The roll is empty: the printer stopped. */
    PAPER_OUT(DeviceFaultCode.PAPER_OUT),
    /** The cover is open: the printer stopped. */
    COVER_OPEN(DeviceFaultCode.COVER_OPEN),
    /** The printer reports an error (cutter jam, head overheated...). */
    ERROR(DeviceFaultCode.DEVICE_ERROR),
    /** The printer reports itself offline for another reason (e.g. paper being fed by the button). */
    OFFLINE(DeviceFaultCode.DEVICE_ERROR),
    /** The printer does not answer its status queries. */
    NOT_RESPONDING(DeviceFaultCode.TIMEOUT);

    private final DeviceFaultCode fault;

    PrinterStatus(DeviceFaultCode fault) {
        this.fault = fault;
    }

    /** True when a ticket can be printed now. */
    public boolean canPrint() {
        return this == READY || this == PAPER_NEAR_END;
    }

    /** The device fault this status is reported as, or null when it is not a fault. */
    public DeviceFaultCode faultCode() {
        return fault;
    }
}
