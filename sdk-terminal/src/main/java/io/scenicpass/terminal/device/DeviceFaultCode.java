package io.scenicpass.terminal.device;

/** Why a device is faulty. Drivers report these through {@link DeviceHealth}; they never throw them. */
public enum DeviceFaultCode {
    /** The port or device could not be opened (absent, busy, no permission). */
    OPEN_FAILED,
    /** The connection was lost (unplugged, I/O error). */
    DISCONNECTED,
    /** The device did not answer in time. */
    TIMEOUT,
    /** A frame arrived with a bad checksum or CRC. */
    BAD_CHECKSUM,
    /** A frame was truncated, too long, or not in the protocol's format. */
    MALFORMED_FRAME,
    /** Bytes that are not part of any frame (line noise, wrong baud rate). */
    GARBAGE,
    /** The device answered with an error status (e.g. a Modbus exception response). */
    DEVICE_ERROR,
    /** A credential was read but its content is unusable (e.g. an ID number failing its check). */
    UNREADABLE_CREDENTIAL,
    /** The application's listener threw; the driver carried on. */
    LISTENER_FAILED,
    /** A printer is out of paper (it stopped printing). */
    PAPER_OUT,
    /** A printer's cover is open (it stopped printing). */
    COVER_OPEN
}
