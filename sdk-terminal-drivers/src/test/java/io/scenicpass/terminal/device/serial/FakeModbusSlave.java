package io.scenicpass.terminal.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/** Plays Modbus RTU slaves on the device end of a pty, byte for byte, with its own CRC-16. */
final class FakeModbusSlave implements AutoCloseable {
    enum Fault {
        EXCEPTION,
        BAD_CRC,
        SILENT,
        GARBAGE,
        TRUNCATED
    }

    static final class Unit {
        final int[] holding = new int[64];
        final int[] input = new int[64];
        final boolean[] discrete = new boolean[64];
        final boolean[] coils = new boolean[64];
        final AtomicInteger coilWrites = new AtomicInteger();
    }

    private final SerialPort port;
    private final Thread thread;
    private volatile boolean running = true;
    final Map<Integer, Unit> units = new ConcurrentHashMap<>();
    final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger badRequests = new AtomicInteger();
    /** Frames written back to the master (echoes included). */
    final AtomicInteger framesSent = new AtomicInteger();
    /** Like a two-wire RS-485 adapter: every request is heard back before the answer. */
    volatile boolean echo;

    FakeModbusSlave(SerialPort port, int... unitIds) {
        this.port = port;
        for (int u : unitIds) {
            units.put(u, new Unit());
        }
        thread = new Thread(this::loop, "fake-modbus");
        thread.setDaemon(true);
        thread.start();
    }

    Unit unit(int id) {
        return units.get(id);
    }

    static int crc16(byte[] b, int len) {
        int crc = 0xFFFF;
        for (int i = 0; i < len; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    static byte[] withCrc(byte... body) {
        byte[] out = Arrays.copyOf(body, body.length + 2);
        int crc = crc16(body, body.length);
        out[body.length] = (byte) crc;
        out[body.length + 1] = (byte) (crc >> 8);
        return out;
    }

    private void loop() {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        byte[] buf = new byte[64];
        while (running) {
            int n = port.readBytes(buf, buf.length);
            if (n < 0) {
                return;
            }
            in.write(buf, 0, n);
            byte[] b = in.toByteArray();
            int off = 0;
            while (b.length - off >= 8) {
                byte[] req = Arrays.copyOfRange(b, off, off + 8);
                off += 8;
                handle(req);
            }
            in.reset();
            in.write(b, off, b.length - off);
        }
    }

    private void handle(byte[] req) {
        requests.incrementAndGet();
        if (echo) {
            send(req);
        }
        if (crc16(req, 6) != ((req[6] & 0xFF) | (req[7] & 0xFF) << 8)) {
            badRequests.incrementAndGet();
            return;
        }
        int unitId = req[0] & 0xFF;
        Unit u = units.get(unitId);
        if (u == null) {
            return; // nobody home at that address
        }
        int fc = req[1] & 0xFF;
        int ref = ((req[2] & 0xFF) << 8) | (req[3] & 0xFF);
        int val = ((req[4] & 0xFF) << 8) | (req[5] & 0xFF);
        Fault f = faults.poll();
        if (f == Fault.SILENT) {
            return;
        }
        if (f == Fault.EXCEPTION) {
            send(withCrc((byte) unitId, (byte) (fc | 0x80), (byte) 2));
            return;
        }
        if (f == Fault.GARBAGE) {
            send(new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0x00, 0x11, 0x22});
            return;
        }
        byte[] resp;
        switch (fc) {
            case 1:
            case 2: {
                boolean[] src = fc == 1 ? u.coils : u.discrete;
                int bytes = (val + 7) / 8;
                byte[] body = new byte[3 + bytes];
                body[0] = (byte) unitId;
                body[1] = (byte) fc;
                body[2] = (byte) bytes;
                for (int i = 0; i < val; i++) {
                    if (src[ref + i]) {
                        body[3 + i / 8] |= (byte) (1 << (i % 8));
                    }
                }
                resp = withCrc(body);
                break;
            }
            case 3:
            case 4: {
                int[] src = fc == 3 ? u.holding : u.input;
                byte[] body = new byte[3 + 2 * val];
                body[0] = (byte) unitId;
                body[1] = (byte) fc;
                body[2] = (byte) (2 * val);
                for (int i = 0; i < val; i++) {
                    body[3 + 2 * i] = (byte) (src[ref + i] >> 8);
                    body[4 + 2 * i] = (byte) src[ref + i];
                }
                resp = withCrc(body);
                break;
            }
            case 5:
                u.coils[ref] = val == 0xFF00;
                u.coilWrites.incrementAndGet();
                resp = req.clone();
                break;
            default:
                resp = withCrc((byte) unitId, (byte) (fc | 0x80), (byte) 1);
        }
        if (f == Fault.BAD_CRC) {
            resp[resp.length - 1] ^= 0x55;
        } else if (f == Fault.TRUNCATED) {
            resp = Arrays.copyOf(resp, resp.length - 3);
        }
        send(resp);
    }

    private void send(byte[] b) {
        port.writeBytes(b, b.length);
        framesSent.incrementAndGet();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
