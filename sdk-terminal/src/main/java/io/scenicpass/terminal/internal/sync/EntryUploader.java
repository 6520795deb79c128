package io.scenicpass.terminal.internal.sync;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.terminal.state.OveruseNotice;
import io.scenicpass.terminal.sync.EntryOutbox;
import io.scenicpass.terminal.sync.SyncException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads pending entries in gzip batches of many events. An event is marked uploaded only once the
 * server's ack names it (ACCEPTED, DUPLICATE, OVERUSE_CONFLICT or REJECTED); an event the ack does not
 * mention stays pending and goes up again. A 413 halves the batch size. Runs on the sync thread only.
 */
public final class EntryUploader {
    private static final Logger LOG = LoggerFactory.getLogger(EntryUploader.class);
    private final TerminalApi api;
    private final EntryOutbox outbox;
    private final String deviceId;
    private final Clock clock;
    private final Consumer<OveruseNotice> conflicts;
    private final BiConsumer<String, String> rejections;
    private int batchSize;

    /**
     * @param api the terminal API
     * @param outbox the durable pending entries
     * @param deviceId this device
     * @param clock device clock (conflict timestamps)
     * @param batchSize events per request
     * @param conflicts told about every over-use conflict
     * @param rejections told {@code (eventId, message)} about every event refused for good
     */
    public EntryUploader(
            TerminalApi api,
            EntryOutbox outbox,
            String deviceId,
            Clock clock,
            int batchSize,
            Consumer<OveruseNotice> conflicts,
            BiConsumer<String, String> rejections) {
        this.api = Objects.requireNonNull(api, "api");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.conflicts = Objects.requireNonNull(conflicts, "conflicts");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1");
        }
        this.batchSize = batchSize;
    }

    /** Counts of one upload run. */
    public static final class Result {
        /** Events the server acknowledged. */
        public int acknowledged;
        /** Over-use conflicts among them. */
        public int conflicts;
    }

    /**
     * Uploads until nothing is pending or {@code maxBatches} requests were made.
     *
     * @param maxBatches upper bound on requests
     * @return what was acknowledged
     * @throws SyncException on the first failed request (what was acknowledged before stays marked)
     */
    public Result upload(int maxBatches) {
        Result result = new Result();
        for (int requests = 0; requests < maxBatches; requests++) {
            List<EntryEvent> events = outbox.pending(batchSize);
            if (events.isEmpty()) {
                break;
            }
            EntryAck ack;
            try {
                ack = api.post(
                        api.url("entries").build(), new EntryBatch(deviceId, events), true, EntryAck.class, null);
            } catch (SyncException e) {
                if (e.httpStatus() == 413 && batchSize > 1) {
                    batchSize = Math.max(1, batchSize / 2);
                    LOG.info("server refused batch as too large; batch size now {}", batchSize);
                    continue;
                }
                throw e;
            }
            int marked = handle(events, ack, result);
            if (marked == 0) {
                LOG.warn("entry ack named none of the {} events sent; retrying next cycle", events.size());
                break;
            }
            if (events.size() < batchSize) {
                break;
            }
        }
        return result;
    }

    private int handle(List<EntryEvent> sent, EntryAck ack, Result result) {
        Map<String, EntryEvent> byId = new HashMap<>();
        for (EntryEvent e : sent) {
            byId.put(e.eventId(), e);
        }
        List<String> done = new ArrayList<>();
        List<EntryAckItem> items = ack.results() == null ? new ArrayList<>() : ack.results();
        for (EntryAckItem item : items) {
            EntryEvent event = byId.remove(item.eventId());
            if (event == null || item.status() == null) {
                continue; // not ours or unreadable: the event stays pending
            }
            switch (item.status()) {
                case ACCEPTED:
                case DUPLICATE:
                    break;
                case OVERUSE_CONFLICT:
                    result.conflicts++;
                    conflicts.accept(
                            new OveruseNotice(event.eventId(), event.passId(), item.message(), clock.instant()));
                    break;
                case REJECTED:
                    LOG.warn("server rejected entry {}: {}", event.eventId(), item.message());
                    rejections.accept(event.eventId(), item.message());
                    break;
                default:
                    continue;
            }
            done.add(event.eventId());
        }
        if (!done.isEmpty()) {
            outbox.markUploaded(done);
        }
        result.acknowledged += done.size();
        return done.size();
    }

    /** @return the current batch size (halved after a 413) */
    public int batchSize() {
        return batchSize;
    }
}
