package io.scenicpass.terminal.device.serial;

import io.scenicpass.terminal.device.DeviceFaultCode;

/**
 * A Modbus transaction failed. Drivers catch it and report a device fault; it never reaches the gate.
 * {@link #exceptionCode()} is the slave's exception code for {@link DeviceFaultCode#DEVICE_ERROR}.
 */
public final class ModbusException extends Exception {
    private static final long serialVersionUID = 1L;
    private final DeviceFaultCode code;
    private final boolean connected;
    private final int exceptionCode;

    ModbusException(DeviceFaultCode code, String message, boolean connected, int exceptionCode) {
        super(message);
        this.code = code;
        this.connected = connected;
        this.exceptionCode = exceptionCode;
    }

    /** What went wrong. */
    public DeviceFaultCode code() {
        return code;
    }

    /** Whether the bus is still connected after the failure. */
    public boolean connected() {
        return connected;
    }

    /** The Modbus exception code (1 illegal function, 2 illegal address, ...), or 0. */
    public int exceptionCode() {
        return exceptionCode;
    }
}
