package io.scenicpass.examples.e2e;

import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckItem;
import io.scenicpass.core.wire.WireJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Records the server's acknowledgement of every uploaded entry (event id → statuses, in order received). */
final class AckRecorder implements Interceptor {
    final Map<String, List<String>> statuses = new ConcurrentHashMap<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response r = chain.proceed(chain.request());
        if (r.isSuccessful() && chain.request().url().encodedPath().endsWith("/terminal/v1/entries")) {
            EntryAck ack =
                    WireJson.mapper().readValue(r.peekBody(Long.MAX_VALUE).bytes(), EntryAck.class);
            for (EntryAckItem item : ack.results()) {
                statuses.computeIfAbsent(item.eventId(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(item.status().name());
            }
        }
        return r;
    }
}
