package io.scenicpass.terminal.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;

/**
 * Plays an ESC/POS thermal printer on the device end of a pty: answers {@code DLE EOT 1, 2, 4} from its paper and
 * cover state, answers {@code GS r 1} only when it "printed" everything before it (not while stopped), and keeps
 * every other byte it received — the ticket — for the test to compare byte for byte.
 */
final class FakeEscPosPrinter implements AutoCloseable {
    private enum State {
        DATA,
        DLE,
        DLE_EOT,
        GS,
        GS_R
    }

    private final SerialPort port;
    private final Thread thread;
    private volatile boolean running = true;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private State state = State.DATA;
    private int dataBytes;

    volatile boolean paperOut;
    volatile boolean nearEnd;
    volatile boolean coverOpen;
    /** Answers nothing at all (a printer that hangs or lost power on its data lines). */
    volatile boolean mute;
    /** When non-negative: the paper runs out after this many ticket bytes. */
    volatile int paperOutAfter = -1;
    /** When non-negative: the printer stops answering after this many ticket bytes. */
    volatile int muteAfter = -1;

    volatile int realTimeQueries;
    /** Stopped with {@code GS r} queries not yet answered; they are answered when printing resumes. */
    private int heldAnswers;
    /** When true, a stopped printer resumes (and answers its held queries) only when the next data arrives. */
    volatile boolean resumeOnData;

    FakeEscPosPrinter(SerialPort port) {
        this.port = port;
        this.thread = new Thread(this::loop, "fake-escpos-printer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The bytes received so far, status queries left out. */
    synchronized byte[] received() {
        return received.toByteArray();
    }

    synchronized void clear() {
        received.reset();
        dataBytes = 0;
    }

    private void loop() {
        byte[] buf = new byte[256];
        while (running) {
            int n = port.readBytes(buf, buf.length);
            if (n < 0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                feed(buf[i] & 0xFF);
            }
        }
    }

    private synchronized void feed(int b) {
        switch (state) {
            case DLE:
                state = State.DATA;
                if (b == 0x04) {
                    state = State.DLE_EOT;
                    return;
                }
                data(0x10);
                break;
            case DLE_EOT:
                state = State.DATA;
                realTime(b);
                return;
            case GS:
                state = State.DATA;
                if (b == 'r') {
                    state = State.GS_R;
                    return;
                }
                data(0x1D);
                break;
            case GS_R:
                state = State.DATA;
                if (!mute && !paperOut && !coverOpen) {
                    send(nearEnd ? 0x03 : 0x00); // printed up to here: the paper sensor status
                } else {
                    heldAnswers++; // stopped before it: answered when printing resumes
                }
                return;
            default:
                break;
        }
        if (b == 0x10) {
            state = State.DLE;
        } else if (b == 0x1D) {
            state = State.GS;
        } else {
            data(b);
        }
    }

    private void data(int b) {
        if (heldAnswers > 0 && resumeOnData && !mute && !paperOut && !coverOpen) {
            for (; heldAnswers > 0; heldAnswers--) {
                send(0x00); // the rest of an earlier ticket printed once new data came in
            }
        }
        received.write(b);
        dataBytes++;
        if (paperOutAfter >= 0 && dataBytes >= paperOutAfter) {
            paperOut = true;
        }
        if (muteAfter >= 0 && dataBytes >= muteAfter) {
            mute = true;
        }
    }

    private void realTime(int n) {
        realTimeQueries++;
        if (mute) {
            return;
        }
        boolean stopped = paperOut || coverOpen;
        if (n == 1) {
            send(0x12 | (stopped ? 0x08 : 0));
        } else if (n == 2) {
            send(0x12 | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0));
        } else if (n == 4) {
            send(0x12 | (nearEnd || paperOut ? 0x0C : 0) | (paperOut ? 0x60 : 0));
        }
    }

    private void send(int b) {
        port.writeBytes(new byte[] {(byte) b}, 1);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
