package io.scenicpass.terminal.device.serial;

import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.PrintResult;
import io.scenicpass.terminal.device.PrinterStatus;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.TicketPrinter;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.escpos.EscPosStatus;
import io.scenicpass.terminal.internal.device.serial.SerialChannel;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ESC/POS thermal ticket printer on a serial port (RS-232 or USB-CDC; 9600 or 115200 8N1 on most). The driver
 * thread asks the real-time status ({@code DLE EOT 1, 2, 4}) every status interval and reports paper out, cover
 * open, errors and a printer that stops answering as device faults. A job is sent only to a printer that says it
 * can print; the ticket is followed by {@code GS r 1}, which the printer answers only after printing everything
 * before it — that answer, and nothing else, makes the result "printed". While waiting, the real-time status is
 * asked again: paper out or cover open in the middle of a ticket, a printer that stops answering, or the job
 * timeout end the job as failed.
 *
 * <pre>{@code
 * SerialTicketPrinter printer = SerialTicketPrinter.builder("kiosk1-printer",
 *         SerialSettings.forPort("/dev/ttyUSB0").baudRate(115200).build()).build();
 * printer.start();
 * PrintResult r = printer.print(ticket);
 * }</pre>
 */
public final class SerialTicketPrinter extends SerialDeviceBase implements TicketPrinter {
    private static final int[] STATUS_QUERIES = {
        EscPosStatus.PRINTER, EscPosStatus.OFFLINE_CAUSE, EscPosStatus.PAPER_SENSOR
    };

    private final EscPosEncoder encoder;
    private final Duration statusTimeout;
    private final Duration statusInterval;
    private final Duration busyPollInterval;
    private final Duration jobTimeout;
    private final BlockingQueue<PrintJob> jobs = new LinkedBlockingQueue<>();
    private volatile PrinterStatus status = PrinterStatus.UNKNOWN;
    // driver thread only:
    private PrinterStatus reported;
    /** {@code GS r 1} queries sent and not answered yet; answers come in order, so a job is done at zero. */
    private int awaitedAnswers;

    private final byte[] rx = new byte[64];
    private int rxLength;
    private int rxPosition;

    private SerialTicketPrinter(Builder b) {
        super(b.deviceId, b.clock, b.settings);
        this.encoder = b.encoder;
        this.statusTimeout = b.statusTimeout;
        this.statusInterval = b.statusInterval;
        this.busyPollInterval = b.busyPollInterval;
        this.jobTimeout = b.jobTimeout;
    }

    /** A builder for a printer on the given port. */
    public static Builder builder(String deviceId, SerialSettings settings) {
        return new Builder(deviceId, settings);
    }

    @Override
    public PrinterStatus status() {
        return status;
    }

    /**
     * Prints the ticket and waits for the outcome (at most the job timeout plus a few status timeouts). A job the
     * driver has not started when this gives up is never started later.
     */
    @Override
    public PrintResult print(TicketLayout ticket) {
        byte[] bytes = encoder.encode(ticket);
        if (!health().connected()) {
            return PrintResult.failed(DeviceFaultCode.DISCONNECTED, "printer port not open", status);
        }
        PrintJob job = new PrintJob(bytes);
        jobs.add(job);
        long waitMillis = jobTimeout.plus(statusTimeout.multipliedBy(8)).toMillis() + 2000;
        try {
            return job.result.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return job.abandon(PrintResult.failed(DeviceFaultCode.TIMEOUT, "no outcome in time", status));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return job.abandon(PrintResult.failed(DeviceFaultCode.TIMEOUT, "interrupted", status));
        } catch (ExecutionException e) {
            return PrintResult.failed(DeviceFaultCode.DEVICE_ERROR, "print job failed", status);
        }
    }

    @Override
    protected void session(SerialChannel ch) throws IOException {
        reported = null;
        awaitedAnswers = 0;
        rxLength = rxPosition = 0;
        try {
            refresh(ch);
            long nextPoll = System.nanoTime() + statusInterval.toNanos();
            while (running()) {
                PrintJob job = jobs.poll(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (job != null) {
                    run(ch, job);
                    nextPoll = System.nanoTime() + statusInterval.toNanos();
                } else if (System.nanoTime() - nextPoll >= 0) {
                    refresh(ch);
                    nextPoll = System.nanoTime() + statusInterval.toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            status = PrinterStatus.UNKNOWN;
            for (PrintJob j = jobs.poll(); j != null; j = jobs.poll()) {
                j.finish(PrintResult.failed(DeviceFaultCode.DISCONNECTED, "printer disconnected", status));
            }
        }
    }

    /** Runs one job: status first, then the ticket and {@code GS r 1}, then wait for that answer. */
    private void run(SerialChannel ch, PrintJob job) throws IOException {
        if (!job.start()) {
            return; // the caller gave up before the job started
        }
        try {
            PrinterStatus before = refresh(ch);
            if (!before.canPrint()) {
                job.finish(failed(before, "printer " + before + ": nothing printed"));
                return;
            }
            ch.write(job.bytes);
            ch.write(EscPosStatus.inOrderQuery());
            awaitedAnswers++;
            job.finish(awaitPrinted(ch));
        } catch (IOException e) {
            job.finish(PrintResult.failed(DeviceFaultCode.DISCONNECTED, "connection lost during the job", status));
            throw e;
        }
    }

    private PrintResult awaitPrinted(SerialChannel ch) throws IOException {
        long deadline = System.nanoTime() + jobTimeout.toNanos();
        long nextCheck = System.nanoTime() + busyPollInterval.toNanos();
        while (true) {
            if (!running()) {
                return PrintResult.failed(DeviceFaultCode.DISCONNECTED, "printer closed during the job", status);
            }
            int b = readByte(ch, Math.min(deadline, nextCheck));
            if (b >= 0) {
                classify(b);
            }
            if (awaitedAnswers == 0) {
                return PrintResult.printed(refresh(ch));
            }
            long now = System.nanoTime();
            if (now - nextCheck >= 0) {
                PrinterStatus s = refresh(ch);
                if (awaitedAnswers == 0) {
                    return PrintResult.printed(s);
                }
                if (s == PrinterStatus.NOT_RESPONDING) {
                    awaitedAnswers = 0; // a printer that stopped answering may have lost its buffer: start afresh
                    return failed(s, "printer stopped answering during the job");
                }
                if (!s.canPrint()) {
                    // the printer stopped with the ticket in its buffer: the rest and its answer may come later
                    return failed(s, "printer " + s + " during the job: the ticket may be incomplete");
                }
                nextCheck = System.nanoTime() + busyPollInterval.toNanos();
            }
            if (now - deadline >= 0) {
                awaitedAnswers = 0;
                return PrintResult.failed(
                        DeviceFaultCode.TIMEOUT, "ticket not finished within " + jobTimeout.toMillis() + " ms", status);
            }
        }
    }

    /** Asks {@code DLE EOT 1, 2, 4}; updates the status and the health. */
    private PrinterStatus refresh(SerialChannel ch) throws IOException {
        int[] answers = new int[STATUS_QUERIES.length];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = ask(ch, STATUS_QUERIES[i]);
            if (answers[i] < 0) {
                return setStatus(PrinterStatus.NOT_RESPONDING, "no answer to DLE EOT " + STATUS_QUERIES[i]);
            }
        }
        PrinterStatus s = EscPosStatus.parse(answers[0], answers[1], answers[2]);
        return setStatus(s, "printer " + s);
    }

    private int ask(SerialChannel ch, int n) throws IOException {
        ch.write(EscPosStatus.query(n));
        long deadline = System.nanoTime() + statusTimeout.toNanos();
        while (true) {
            int b = readByte(ch, deadline);
            if (b < 0 || EscPosStatus.isRealTimeAnswer(b)) {
                return b;
            }
            classify(b);
        }
    }

    /** A byte that is not the answer being waited for: an in-order answer, a late status, or garbage. */
    private void classify(int b) {
        if (EscPosStatus.isInOrderAnswer(b)) {
            awaitedAnswers = Math.max(0, awaitedAnswers - 1); // none awaited: a late one after a timeout
        } else if (!EscPosStatus.isRealTimeAnswer(b)) {
            reportFault(DeviceFaultCode.GARBAGE, String.format("unexpected byte %02X", b), true);
        }
    }

    private PrinterStatus setStatus(PrinterStatus s, String message) {
        status = s;
        if (s.faultCode() == null) {
            reportOk();
        } else if (s != reported) {
            reportFault(s.faultCode(), message, true);
        }
        reported = s;
        return s;
    }

    private PrintResult failed(PrinterStatus s, String message) {
        return PrintResult.failed(s.faultCode(), message, s);
    }

    /** The next byte from the printer, or -1 when none came before the deadline (a nanoTime). */
    private int readByte(SerialChannel ch, long deadline) throws IOException {
        while (rxPosition >= rxLength) {
            if (System.nanoTime() - deadline >= 0 || !running()) {
                return -1;
            }
            rxLength = ch.read(rx);
            rxPosition = 0;
        }
        return rx[rxPosition++] & 0xFF;
    }

    /** One ticket handed from {@link #print} to the driver thread: it starts at most once, never after the caller gave up. */
    private static final class PrintJob {
        private static final int NEW = 0;
        private static final int RUNNING = 1;
        private static final int ABANDONED = 2;
        final byte[] bytes;
        final CompletableFuture<PrintResult> result = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(NEW);

        PrintJob(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean start() {
            return state.compareAndSet(NEW, RUNNING);
        }

        void finish(PrintResult r) {
            result.complete(r);
        }

        /** The caller gives up: the outcome if it arrived meanwhile, else {@code timedOut}. */
        PrintResult abandon(PrintResult timedOut) {
            if (state.compareAndSet(NEW, ABANDONED)) {
                return PrintResult.failed(DeviceFaultCode.TIMEOUT, "printer busy: job not started", timedOut.status());
            }
            result.complete(timedOut);
            return result.getNow(timedOut);
        }
    }

    /** Builder for {@link SerialTicketPrinter}. */
    public static final class Builder {
        private final String deviceId;
        private final SerialSettings settings;
        private Clock clock = Clock.systemUTC();
        private EscPosEncoder encoder = EscPosEncoder.defaults();
        private Duration statusTimeout = Duration.ofMillis(500);
        private Duration statusInterval = Duration.ofSeconds(2);
        private Duration busyPollInterval = Duration.ofMillis(250);
        private Duration jobTimeout = Duration.ofSeconds(20);

        private Builder(String deviceId, SerialSettings settings) {
            this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Clock for fault timestamps. */
        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v);
            return this;
        }

        /** The ESC/POS encoder: text encoding (GB18030 or ASCII), QR module size and error correction, cut. */
        public Builder encoder(EscPosEncoder v) {
            this.encoder = Objects.requireNonNull(v);
            return this;
        }

        /** How long to wait for the answer to one real-time status query (default 500 ms). */
        public Builder statusTimeout(Duration v) {
            this.statusTimeout = Objects.requireNonNull(v);
            return this;
        }

        /** How often an idle printer's status is asked (default 2 s). */
        public Builder statusInterval(Duration v) {
            this.statusInterval = Objects.requireNonNull(v);
            return this;
        }

        /** How often the status is asked while a ticket prints (default 250 ms). */
        public Builder busyPollInterval(Duration v) {
            this.busyPollInterval = Objects.requireNonNull(v);
            return this;
        }

        /** The longest one ticket may take to print (default 20 s). */
        public Builder jobTimeout(Duration v) {
            this.jobTimeout = Objects.requireNonNull(v);
            return this;
        }

        /** Builds the (not yet started) printer. */
        public SerialTicketPrinter build() {
            return new SerialTicketPrinter(this);
        }
    }
}
