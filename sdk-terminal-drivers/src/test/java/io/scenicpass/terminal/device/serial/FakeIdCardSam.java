package io.scenicpass.terminal.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.scenicpass.terminal.internal.device.serial.IdCardFrames;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/** Plays a GA/T 467 ID card reader (SAM) on the device end of a pty, byte for byte. */
final class FakeIdCardSam implements AutoCloseable {
    enum Fault {
        BAD_CHECKSUM,
        TRUNCATED,
        SILENT,
        WRONG_LENGTHS,
        GARBAGE_FIRST
    }

    private final SerialPort port;
    private final Thread thread;
    private volatile boolean running = true;
    volatile byte[] cardData; // null = no card
    final ConcurrentLinkedDeque<Fault> readFaults = new ConcurrentLinkedDeque<>();
    final List<byte[]> commands = new CopyOnWriteArrayList<>();

    FakeIdCardSam(SerialPort port) {
        this.port = port;
        this.thread = new Thread(this::loop, "fake-sam");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void placeCard(byte[] text, byte[] photo) {
        byte[] d = new byte[4 + text.length + photo.length];
        d[0] = (byte) (text.length >> 8);
        d[1] = (byte) text.length;
        d[2] = (byte) (photo.length >> 8);
        d[3] = (byte) photo.length;
        System.arraycopy(text, 0, d, 4, text.length);
        System.arraycopy(photo, 0, d, 4 + text.length, photo.length);
        cardData = d;
    }

    long count(int cmd, int para) {
        return commands.stream()
                .filter(c -> (c[7] & 0xFF) == cmd && (c[8] & 0xFF) == para)
                .count();
    }

    private void loop() {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        byte[] buf = new byte[64];
        while (running) {
            int n = port.readBytes(buf, buf.length);
            if (n < 0) {
                return;
            }
            in.write(buf, 0, Math.max(0, n));
            byte[] b = in.toByteArray();
            int off = 0;
            while (b.length - off >= 10) {
                byte[] cmd = Arrays.copyOfRange(b, off, off + 10);
                off += 10;
                commands.add(cmd);
                answer(cmd);
            }
            in.reset();
            in.write(b, off, b.length - off);
        }
    }

    private void answer(byte[] cmd) {
        int c = cmd[7] & 0xFF;
        int p = cmd[8] & 0xFF;
        byte[] card = cardData;
        byte[] resp;
        if (c == 0x20 && p == 0x01) {
            resp = card == null ? IdCardFrames.response(0, 0, 0x80) : IdCardFrames.response(0, 0, 0x9F, new byte[4]);
        } else if (c == 0x20 && p == 0x02) {
            resp = card == null ? IdCardFrames.response(0, 0, 0x81) : IdCardFrames.response(0, 0, 0x90, new byte[8]);
        } else if (c == 0x30 && p == 0x01) {
            if (card == null) {
                resp = IdCardFrames.response(0, 0, 0x41);
            } else {
                Fault f = readFaults.poll();
                resp = IdCardFrames.response(0, 0, 0x90, card);
                if (f == Fault.SILENT) {
                    return;
                } else if (f == Fault.BAD_CHECKSUM) {
                    resp[resp.length - 1] ^= 0x5A;
                } else if (f == Fault.TRUNCATED) {
                    resp = Arrays.copyOf(resp, resp.length / 2);
                } else if (f == Fault.GARBAGE_FIRST) {
                    send(new byte[] {0x13, 0x37, (byte) 0xAA, 0x00, (byte) 0xFF});
                } else if (f == Fault.WRONG_LENGTHS) {
                    byte[] bad = card.clone();
                    bad[2] = 0x7F;
                    resp = IdCardFrames.response(0, 0, 0x90, bad);
                }
            }
        } else {
            resp = IdCardFrames.response(0, 0, 0x21);
        }
        send(resp);
    }

    private void send(byte[] b) {
        port.writeBytes(b, b.length);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
