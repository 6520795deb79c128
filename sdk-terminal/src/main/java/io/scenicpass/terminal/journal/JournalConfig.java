package io.scenicpass.terminal.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Where and how the journal writes. Build with {@link #builder(Path)}. */
public final class JournalConfig {
    private final Path directory;
    private final FsyncPolicy fsyncPolicy;
    private final Duration fsyncInterval;
    private final long segmentBytes;
    private final long budgetBytes;
    private final double alarmRatio;
    private final int maxRecordBytes;
    private final long minFreeBytes;
    private final java.util.function.LongSupplier usableSpace;

    private JournalConfig(Builder b) {
        this.minFreeBytes = b.minFreeBytes < 0 ? 4 * b.segmentBytes : b.minFreeBytes;
        this.usableSpace = b.usableSpace;
        this.directory = b.directory;
        this.fsyncPolicy = b.fsyncPolicy;
        this.fsyncInterval = b.fsyncInterval;
        this.segmentBytes = b.segmentBytes;
        this.budgetBytes = b.budgetBytes;
        this.alarmRatio = b.alarmRatio;
        this.maxRecordBytes = b.maxRecordBytes;
    }

    /**
     * @param directory the journal's own directory (created if missing)
     * @return a builder with defaults: ALWAYS, 8 MiB segments, 512 MiB budget, alarm at 80 %
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** @return the directory holding segments and the upload log */
    public Path directory() {
        return directory;
    }

    /** @return the fsync policy */
    public FsyncPolicy fsyncPolicy() {
        return fsyncPolicy;
    }

    /** @return how often {@link FsyncPolicy#INTERVAL} forces */
    public Duration fsyncInterval() {
        return fsyncInterval;
    }

    /** @return the size at which a new segment is started */
    public long segmentBytes() {
        return segmentBytes;
    }

    /** @return the disk budget of the journal in bytes */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** @return fraction of the budget at which {@link DiskState#ALARM} is raised */
    public double alarmRatio() {
        return alarmRatio;
    }

    /** @return the largest accepted payload */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** @return free space on the journal's file system below which the alarm is raised */
    public long minFreeBytes() {
        return minFreeBytes;
    }

    /** @return usable bytes on the journal's file system, or -1 when unknown */
    public long usableSpace() {
        if (usableSpace != null) {
            return usableSpace.getAsLong();
        }
        try {
            return java.nio.file.Files.getFileStore(directory).getUsableSpace();
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Builder for {@link JournalConfig}. */
    public static final class Builder {
        private final Path directory;
        private FsyncPolicy fsyncPolicy = FsyncPolicy.ALWAYS;
        private Duration fsyncInterval = Duration.ofMillis(200);
        private long segmentBytes = 8L << 20;
        private long budgetBytes = 512L << 20;
        private double alarmRatio = 0.8;
        private int maxRecordBytes = 1 << 20;
        private long minFreeBytes = -1;
        private java.util.function.LongSupplier usableSpace;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** @param policy the fsync policy @return this */
        public Builder fsyncPolicy(FsyncPolicy policy) {
            this.fsyncPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** @param interval the interval for {@link FsyncPolicy#INTERVAL} @return this */
        public Builder fsyncInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("fsync interval must be positive");
            }
            this.fsyncInterval = interval;
            return this;
        }

        /** @param bytes segment size (at least 4 KiB) @return this */
        public Builder segmentBytes(long bytes) {
            if (bytes < 4096) {
                throw new IllegalArgumentException("segment size must be at least 4096 bytes");
            }
            this.segmentBytes = bytes;
            return this;
        }

        /** @param bytes the disk budget @return this */
        public Builder budgetBytes(long bytes) {
            if (bytes < 8192) {
                throw new IllegalArgumentException("budget must be at least 8192 bytes");
            }
            this.budgetBytes = bytes;
            return this;
        }

        /** @param ratio alarm threshold, between 0 and 1 @return this */
        public Builder alarmRatio(double ratio) {
            if (!(ratio > 0 && ratio < 1)) {
                throw new IllegalArgumentException("alarm ratio must be between 0 and 1");
            }
            this.alarmRatio = ratio;
            return this;
        }

        /** @param bytes largest payload accepted @return this */
        public Builder maxRecordBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("max record size must be positive");
            }
            this.maxRecordBytes = bytes;
            return this;
        }

        /**
         * @param bytes raise the alarm when the file system has less free space than this, whatever the
         *     budget says (default: four segments)
         * @return this
         */
        public Builder minFreeBytes(long bytes) {
            this.minFreeBytes = bytes;
            return this;
        }

        /** For tests: where free space is read from. */
        Builder usableSpaceProbe(java.util.function.LongSupplier probe) {
            this.usableSpace = probe;
            return this;
        }

        /** @return the config */
        public JournalConfig build() {
            return new JournalConfig(this);
        }
    }
}
