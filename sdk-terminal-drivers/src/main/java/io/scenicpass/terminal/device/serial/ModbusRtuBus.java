package io.scenicpass.terminal.device.serial;

import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.io.ModbusSerialTransaction;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadCoilsRequest;
import com.ghgande.j2mod.modbus.msg.ReadCoilsResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteCoilRequest;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.internal.device.serial.J2modSerialConnection;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Modbus RTU master on one RS-485 bus, shared by the devices on it (turnstile relay board,
 * temperature/humidity sensor...). Framing, CRC-16 and exception responses are handled by
 * <a href="https://github.com/steveohara/j2mod">j2mod</a> ({@code com.ghgande:j2mod}), which drives the
 * port through jSerialComm (over our own listener-free connection, see {@code J2modSerialConnection}).
 * Thread-safe: one transaction at a time. A failed transaction closes the port;
 * the next one reopens it (at most once per reconnect delay), so an unplugged adapter recovers by itself.
 */
public final class ModbusRtuBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusRtuBus.class);

    private final SerialSettings settings;
    private final Duration timeout;
    private J2modSerialConnection master;
    private long lastOpenAttemptNanos;
    private boolean everOpened;
    private boolean closed;

    /**
     * Creates the bus; the port is opened lazily by the first transaction.
     *
     * @param timeout how long to wait for a slave's response
     */
    public ModbusRtuBus(SerialSettings settings, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Reads holding registers (function 3) as unsigned 16-bit values. */
    public synchronized int[] readHoldingRegisters(int unit, int ref, int count) throws ModbusException {
        return call(
                () -> values(
                        ((ReadMultipleRegistersResponse) execute(unit, new ReadMultipleRegistersRequest(ref, count)))
                                .getRegisters()),
                count);
    }

    /** Reads input registers (function 4) as unsigned 16-bit values. */
    public synchronized int[] readInputRegisters(int unit, int ref, int count) throws ModbusException {
        return call(
                () -> values(((ReadInputRegistersResponse) execute(unit, new ReadInputRegistersRequest(ref, count)))
                        .getRegisters()),
                count);
    }

    /** Reads discrete inputs (function 2). */
    public synchronized boolean[] readDiscreteInputs(int unit, int ref, int count) throws ModbusException {
        return call(
                () -> bits(
                        ((ReadInputDiscretesResponse) execute(unit, new ReadInputDiscretesRequest(ref, count)))
                                .getDiscretes(),
                        count),
                -1);
    }

    /** Reads coils (function 1). */
    public synchronized boolean[] readCoils(int unit, int ref, int count) throws ModbusException {
        return call(
                () -> bits(((ReadCoilsResponse) execute(unit, new ReadCoilsRequest(ref, count))).getCoils(), count),
                -1);
    }

    /** Writes a single coil (function 5). */
    public synchronized void writeCoil(int unit, int ref, boolean on) throws ModbusException {
        call(
                () -> {
                    execute(unit, new WriteCoilRequest(ref, on));
                    return null;
                },
                -1);
    }

    /** Closes the port. */
    @Override
    public synchronized void close() {
        closed = true;
        disconnect();
    }

    private interface Transaction<T> {
        T run() throws Exception;
    }

    private <T> T call(Transaction<T> t, int expectedLength) throws ModbusException {
        if (closed) {
            throw new ModbusException(DeviceFaultCode.DISCONNECTED, "bus closed", false, 0);
        }
        T result;
        try {
            result = t.run();
        } catch (ModbusException e) {
            throw e;
        } catch (ModbusSlaveException e) {
            throw new ModbusException(
                    DeviceFaultCode.DEVICE_ERROR, "exception response " + e.getType(), true, e.getType());
        } catch (Exception e) {
            disconnect();
            String msg = String.valueOf(e.getMessage());
            DeviceFaultCode code = classify(msg);
            boolean stillThere = reopen();
            throw new ModbusException(
                    stillThere ? code : DeviceFaultCode.DISCONNECTED,
                    e.getClass().getSimpleName() + ": " + msg,
                    stillThere,
                    0);
        }
        if (expectedLength >= 0 && result instanceof int[] && ((int[]) result).length != expectedLength) {
            throw new ModbusException(
                    DeviceFaultCode.MALFORMED_FRAME,
                    "expected " + expectedLength + " registers, got " + ((int[]) result).length,
                    true,
                    0);
        }
        return result;
    }

    private ModbusResponse execute(int unit, ModbusRequest request) throws Exception {
        J2modSerialConnection c = connected();
        discardStaleInput(c);
        request.setUnitID(unit);
        ModbusSerialTransaction tx = new ModbusSerialTransaction(c);
        tx.setRequest(request);
        tx.setRetries(0);
        tx.execute();
        ModbusResponse r = tx.getResponse();
        if (r == null) {
            throw new ModbusIOException("no response");
        }
        return r;
    }

    /**
     * Drops bytes nobody asked for (a late answer to a timed-out request, line noise) so they cannot be
     * taken for the answer to the next request — what every RTU master does before it transmits.
     */
    private static void discardStaleInput(J2modSerialConnection c) {
        int stale = c.bytesAvailable();
        if (stale > 0) {
            c.readBytes(new byte[stale], stale);
        }
    }

    private static DeviceFaultCode classify(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("crc")) {
            return DeviceFaultCode.BAD_CHECKSUM;
        }
        if (m.contains("truncated")) {
            return DeviceFaultCode.MALFORMED_FRAME;
        }
        if (m.contains("timeout")
                || m.contains("timed out")
                || m.contains("cannot read")
                || m.contains("no response")) {
            return DeviceFaultCode.TIMEOUT;
        }
        return DeviceFaultCode.MALFORMED_FRAME;
    }

    private J2modSerialConnection connected() throws ModbusException {
        if (master != null) {
            return master;
        }
        long now = System.nanoTime();
        if (everOpened || lastOpenAttemptNanos != 0) {
            if (now - lastOpenAttemptNanos < settings.reconnectDelay().toNanos()) {
                throw new ModbusException(
                        DeviceFaultCode.DISCONNECTED, "port not open; waiting to reconnect", false, 0);
            }
        }
        lastOpenAttemptNanos = now;
        if (!open()) {
            throw new ModbusException(DeviceFaultCode.OPEN_FAILED, "cannot open " + settings.portPath(), false, 0);
        }
        return master;
    }

    /** Immediately tries to reopen after a failure; tells whether the port is still there. */
    private boolean reopen() {
        lastOpenAttemptNanos = System.nanoTime();
        return open();
    }

    private boolean open() {
        J2modSerialConnection m = new J2modSerialConnection(settings, (int) timeout.toMillis());
        try {
            m.open();
        } catch (Exception e) {
            LOG.debug("modbus open {} failed: {}", settings.portPath(), e.toString());
            m.close();
            return false;
        }
        master = m;
        everOpened = true;
        return true;
    }

    private void disconnect() {
        J2modSerialConnection m = master;
        master = null;
        if (m != null) {
            try {
                m.close();
            } catch (RuntimeException e) {
                LOG.debug("modbus disconnect failed", e);
            }
        }
    }

    private static int[] values(InputRegister[] regs) throws ModbusIOException {
        if (regs == null) {
            throw new ModbusIOException("no registers in response");
        }
        int[] out = new int[regs.length];
        for (int i = 0; i < regs.length; i++) {
            out[i] = regs[i].toUnsignedShort();
        }
        return out;
    }

    private static boolean[] bits(BitVector v, int count) throws ModbusIOException {
        if (v == null || v.size() < count) {
            throw new ModbusIOException("short bit response");
        }
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            out[i] = v.getBit(i);
        }
        return out;
    }
}
