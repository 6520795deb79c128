package io.scenicpass.server.testing;

import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.WireJson;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Test helper: what a terminal is told about its entry uploads. */
public final class EntryAcks {
    private EntryAcks() {}

    /**
     * An OkHttp interceptor for the terminal's client recording the server's acknowledgements of entry uploads as the
     * terminal receives them: every acknowledged event id into {@code acked}, the ACCEPTED ones also into
     * {@code accepted} (counts per id).
     */
    public static Interceptor recorder(Map<String, Integer> accepted, Map<String, Integer> acked) {
        return chain -> {
            Response r = chain.proceed(chain.request());
            if (chain.request().method().equals("POST")
                    && chain.request().url().encodedPath().endsWith("/entries")
                    && r.code() == 200) {
                EntryAck ack = WireJson.mapper().readValue(r.peekBody(4 << 20).bytes(), EntryAck.class);
                for (EntryAckItem item : ack.results()) {
                    acked.merge(item.eventId(), 1, Integer::sum);
                    if (item.status() == EntryAckStatus.ACCEPTED) {
                        accepted.merge(item.eventId(), 1, Integer::sum);
                    }
                }
            }
            return r;
        };
    }
}
