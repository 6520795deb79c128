package io.scenicpass.terminal.internal.sync;

import io.scenicpass.core.wire.TelemetryBatch;
import io.scenicpass.core.wire.TelemetryReading;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Readings waiting for upload, in memory and bounded: when full the oldest reading is dropped (sensor
 * readings are superseded by newer ones; entries, which must never be lost, go through the journal
 * instead). Thread-safe: the gate offers, the sync thread drains.
 */
public final class TelemetryQueue {
    private final int capacity;
    private final ArrayDeque<TelemetryReading> queue = new ArrayDeque<>();
    private long dropped;

    /** @param capacity readings kept at most */
    public TelemetryQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.capacity = capacity;
    }

    /** @param reading a reading to upload; never blocks */
    public synchronized void offer(TelemetryReading reading) {
        if (queue.size() >= capacity) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(reading);
    }

    /**
     * Uploads up to {@code max} readings; on failure they go back to the front of the queue.
     *
     * @param api the terminal API
     * @param deviceId this device
     * @param max readings per request
     * @return readings uploaded
     */
    public int upload(TerminalApi api, String deviceId, int max) {
        List<TelemetryReading> batch = drain(max);
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            api.post(api.url("telemetry").build(), new TelemetryBatch(deviceId, batch), false, null, null);
            return batch.size();
        } catch (RuntimeException e) {
            requeue(batch);
            throw e;
        }
    }

    private synchronized List<TelemetryReading> drain(int max) {
        List<TelemetryReading> out = new ArrayList<>(Math.min(max, queue.size()));
        while (out.size() < max && !queue.isEmpty()) {
            out.add(queue.pollFirst());
        }
        return out;
    }

    private synchronized void requeue(List<TelemetryReading> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (queue.size() >= capacity) {
                dropped++;
                continue;
            }
            queue.addFirst(batch.get(i));
        }
    }

    /** @return readings waiting */
    public synchronized int size() {
        return queue.size();
    }

    /** @return readings dropped because the queue was full */
    public synchronized long dropped() {
        return dropped;
    }
}
