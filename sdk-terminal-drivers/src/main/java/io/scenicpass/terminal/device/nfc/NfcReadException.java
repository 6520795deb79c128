package io.scenicpass.terminal.device.nfc;

import io.scenicpass.terminal.device.DeviceFaultCode;

/** Reading a contactless card failed; carries the device fault code to report. */
public final class NfcReadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final DeviceFaultCode code;

    /** Creates the exception. */
    public NfcReadException(DeviceFaultCode code, String message) {
        super(message);
        this.code = code;
    }

    /** Creates the exception with a cause. */
    public NfcReadException(DeviceFaultCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The fault code. */
    public DeviceFaultCode code() {
        return code;
    }
}
