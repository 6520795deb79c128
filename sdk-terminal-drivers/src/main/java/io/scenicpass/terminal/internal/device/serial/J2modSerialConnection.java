package io.scenicpass.terminal.internal.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.ghgande.j2mod.modbus.io.AbstractModbusTransport;
import com.ghgande.j2mod.modbus.io.ModbusRTUTransport;
import com.ghgande.j2mod.modbus.net.AbstractSerialConnection;
import io.scenicpass.terminal.device.serial.SerialSettings;
import java.io.IOException;
import java.util.Collections;
import java.util.Set;

/**
 * A j2mod serial connection over jSerialComm <em>without</em> a port event listener. j2mod's own
 * {@code SerialConnection} closes the port from jSerialComm's event thread when the device disappears,
 * which deadlocks against a concurrent {@code closePort()} (seen when a USB adapter — or a socat pty —
 * is unplugged). This connection is only touched by the bus's transaction thread.
 */
public final class J2modSerialConnection extends AbstractSerialConnection {
    private final SerialSettings settings;
    private final ModbusRTUTransport transport = new ModbusRTUTransport();
    private SerialPort port;
    private int timeout;

    /** Creates a closed connection. */
    public J2modSerialConnection(SerialSettings settings, int timeoutMillis) {
        this.settings = settings;
        this.timeout = timeoutMillis;
    }

    @Override
    public void open() throws IOException {
        if (port != null) {
            return;
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(settings.portPath());
        } catch (RuntimeException e) {
            throw new IOException("no such port " + settings.portPath(), e);
        }
        p.setComPortParameters(
                settings.baudRate(),
                settings.dataBits(),
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                parity());
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!p.openPort(0)) {
            throw new IOException("cannot open " + settings.portPath() + " (error " + p.getLastErrorCode() + ")");
        }
        port = p;
        transport.setCommPort(this);
        transport.setEcho(settings.echo());
        transport.setTimeout(timeout);
    }

    private int parity() {
        switch (settings.parity()) {
            case ODD:
                return SerialPort.ODD_PARITY;
            case EVEN:
                return SerialPort.EVEN_PARITY;
            default:
                return SerialPort.NO_PARITY;
        }
    }

    @Override
    public AbstractModbusTransport getModbusTransport() {
        return transport;
    }

    @Override
    public int readBytes(byte[] buffer, int bytesToRead) {
        SerialPort p = port;
        return p == null ? -1 : p.readBytes(buffer, bytesToRead);
    }

    @Override
    public int writeBytes(byte[] buffer, int bytesToWrite) {
        SerialPort p = port;
        return p == null ? -1 : p.writeBytes(buffer, bytesToWrite);
    }

    @Override
    public int bytesAvailable() {
        SerialPort p = port;
        return p == null ? -1 : p.bytesAvailable();
    }

    @Override
    public void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    @Override
    public int getBaudRate() {
        return settings.baudRate();
    }

    @Override
    public int getNumDataBits() {
        return settings.dataBits();
    }

    @Override
    public int getNumStopBits() {
        return settings.stopBits();
    }

    @Override
    public int getParity() {
        return parity();
    }

    @Override
    public String getPortName() {
        return settings.portPath();
    }

    @Override
    public String getDescriptivePortName() {
        return settings.portPath();
    }

    @Override
    public void setComPortTimeouts(int newTimeoutMode, int newReadTimeout, int newWriteTimeout) {
        SerialPort p = port;
        if (p != null) {
            p.setComPortTimeouts(newTimeoutMode, newReadTimeout, newWriteTimeout);
        }
    }

    @Override
    public boolean isOpen() {
        return port != null;
    }

    @Override
    public int getTimeout() {
        return timeout;
    }

    @Override
    public void setTimeout(int timeout) {
        this.timeout = timeout;
        transport.setTimeout(timeout);
    }

    @Override
    public Set<String> getCommPorts() {
        return Collections.emptySet();
    }
}
