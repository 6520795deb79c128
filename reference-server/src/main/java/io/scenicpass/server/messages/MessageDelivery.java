package io.scenicpass.server.messages;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.mail.SmtpMailer;
import io.scenicpass.server.messages.internal.Masking;
import io.scenicpass.server.messages.internal.MessageTexts;
import io.scenicpass.server.messages.internal.UnsubscribeTokens;
import io.scenicpass.server.messages.store.MessageStore;
import io.scenicpass.server.messages.store.MessageStore.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: each due row is claimed (so a request and the job on another node never send it twice), its
 * visitor's address and language read, the visitor's choice checked (transactional kinds always go), the texts
 * composed and sent by email or SMS. A failure is retried with a doubling delay until {@code messages.attempts},
 * then the row is FAILED. The log shows ids, kinds and masked addresses only.
 */
final class MessageDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDelivery.class);
    private static final int BATCH = 100;
    /** How long a claimed row is left to its sender before another may try it. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final Database db;
    private final MessageStore store;
    private final VisitorMessages messages;
    private final Recipients recipients;
    private final MessageTexts texts;
    private final SmtpMailer mailer;
    private final SmsProvider sms;
    private final UnsubscribeTokens tokens;
    private final MessageSettings settings;
    private final Supplier<String> baseUrl;
    private final Clock clock;

    MessageDelivery(
            Database db,
            MessageStore store,
            VisitorMessages messages,
            Recipients recipients,
            MessageTexts texts,
            SmtpMailer mailer,
            SmsProvider sms,
            UnsubscribeTokens tokens,
            MessageSettings settings,
            Supplier<String> baseUrl,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.messages = messages;
        this.recipients = recipients;
        this.texts = texts;
        this.mailer = mailer;
        this.sms = sms;
        this.tokens = tokens;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** Sends the due messages (first tries and retries); returns how many were sent. */
    int deliverDue() {
        int sent = 0;
        for (String id : db.read(c -> store.due(c, clock.instant(), BATCH))) {
            sent += deliver(id) ? 1 : 0;
        }
        return sent;
    }

    /** One attempt at message {@code id} if it is due and nobody else has it; true when it was sent. */
    boolean deliver(String id) {
        Instant now = clock.instant();
        if (!db.tx(c -> store.claim(c, id, now, now.plus(CLAIM)))) {
            return false;
        }
        MessageStore.Row r = db.read(c -> store.get(c, id)).orElseThrow();
        Optional<Recipients.Recipient> to = db.read(c -> recipients.of(c, r.visitorId()));
        if (to.isEmpty()) {
            return finish(r, State.SKIPPED, null, "no such visitor");
        }
        String address = to.get().address();
        Way way = Way.of(address);
        if (!r.kind().transactional()
                && !db.read(c -> store.choice(c, r.visitorId(), r.kind(), way)).orElse(true)) {
            return finish(r, State.SKIPPED, way, "the visitor turned " + r.kind() + " by " + way + " off");
        }
        if (way == Way.EMAIL && mailer == null) {
            return finish(r, State.SKIPPED, way, "mail is off (mail.host is not set)");
        }
        Map<String, String> fields = messages.fields(r);
        String url = baseUrl.get();
        String tickets =
                r.kind().aboutBooking() && fields.get("ref") != null ? url + "/shop/orders/" + fields.get("ref") : null;
        MessageTexts.Composed m = texts.compose(
                r.kind(),
                to.get().lang(),
                fields,
                tickets,
                url + "/shop/unsubscribe/" + tokens.token(r.visitorId(), r.kind()));
        try {
            if (way == Way.EMAIL) {
                mailer.send(
                        address,
                        m.subject(),
                        m.body(),
                        Map.of(
                                "List-Unsubscribe",
                                "<" + url + "/shop/unsubscribe/" + tokens.token(r.visitorId(), r.kind()) + ">"),
                        null);
            } else {
                sms.send(r.id(), address, r.kind(), fields, m.sms());
            }
        } catch (SmsProvider.SmsException e) {
            return failed(r, way, address, e.getMessage(), e.retryable);
        } catch (Exception e) { // the SMTP server refused or could not be reached
            return failed(r, way, address, e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        }
        LOG.info("message {} {} sent by {} to {}", r.id(), r.kind(), way, Masking.address(address));
        return finish(r, State.SENT, way, null);
    }

    /** Deletes final rows older than the retention; returns how many. */
    int purge() {
        Instant before = clock.instant().minus(Duration.ofDays(settings.retentionDays()));
        return db.tx(c -> store.purge(c, before));
    }

    private boolean failed(MessageStore.Row r, Way way, String address, String error, boolean retryable) {
        int attempt = r.attempts() + 1;
        boolean last = !retryable || attempt >= settings.attempts();
        String safe = error == null ? "" : error.replace(address, Masking.address(address));
        LOG.warn(
                "message {} {} by {} to {}: attempt {} failed ({}): {}",
                r.id(),
                r.kind(),
                way,
                Masking.address(address),
                attempt,
                last ? "FAILED" : "will retry",
                safe);
        if (last) {
            return finish(r, State.FAILED, way, safe);
        }
        long delay =
                Math.min(Duration.ofHours(6).toSeconds(), (long) settings.retrySeconds() << Math.min(20, attempt - 1));
        Instant now = clock.instant();
        db.tx(c -> {
            store.attempted(c, r.id(), State.PENDING, way, now.plusSeconds(delay), safe, now);
            return null;
        });
        return false;
    }

    private boolean finish(MessageStore.Row r, State state, Way way, String why) {
        Instant now = clock.instant();
        if (state == State.SKIPPED) {
            LOG.info("message {} {} not sent: {}", r.id(), r.kind(), why);
        }
        db.tx(c -> {
            store.attempted(c, r.id(), state, way, now, state == State.SENT ? null : why, now);
            return null;
        });
        return state == State.SENT;
    }
}
