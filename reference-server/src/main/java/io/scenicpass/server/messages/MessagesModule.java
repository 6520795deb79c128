package io.scenicpass.server.messages;

import io.scenicpass.server.Platform;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.mail.SmtpMailer;
import io.scenicpass.server.messages.internal.AliyunSms;
import io.scenicpass.server.messages.internal.BookingMessages;
import io.scenicpass.server.messages.internal.DemoSmsProvider;
import io.scenicpass.server.messages.internal.MessageCodeSender;
import io.scenicpass.server.messages.internal.MessageTexts;
import io.scenicpass.server.messages.internal.Reminders;
import io.scenicpass.server.messages.internal.ShopRecipients;
import io.scenicpass.server.messages.internal.UnsubscribeTokens;
import io.scenicpass.server.messages.store.MessageStore;
import io.scenicpass.server.shop.account.CodeSender;
import io.scenicpass.server.web.Texts;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages to shop visitors: the outbox API ({@link #messages}), the visitors' choices, delivery by email (the shared
 * SMTP mailer) and SMS (the configured {@link SmsProvider}), booking messages from the webhooks' hook, reminders, the
 * sign-in codes' {@link CodeSender}, the jobs.
 */
public final class MessagesModule {
    private static final Logger LOG = LoggerFactory.getLogger(MessagesModule.class);

    public final VisitorMessages messages;
    public final MessageChoices choices;
    /** Sends the shop's sign-in codes (given to the shop's accounts). */
    public final CodeSender codes;

    public final MessageSettings settings;
    private final MessageDelivery delivery;
    private final Reminders reminders;
    private final Platform platform;

    /** {@code baseUrl}: the server's address as visitors reach it (the links in the messages). */
    public MessagesModule(Platform p, IdentityKeys keys, WebhookService webhooks, Supplier<String> baseUrl) {
        platform = p;
        Map<String, String> cfg = new HashMap<>(p.config().invoices); // mail.*
        cfg.putAll(p.config().web); // messages.*, sms.*, shop.codesInLog
        settings = MessageSettings.of(cfg);
        MessageStore store = new MessageStore();
        messages = new VisitorMessages(p.db(), store, keys, p.json(), p.ids(), p.clock());
        UnsubscribeTokens tokens = new UnsubscribeTokens(keys);
        choices = new MessageChoices(p.db(), store, tokens, p.clock());
        SmtpMailer mailer = settings.mail().on() ? new SmtpMailer(settings.mail(), p.clock()) : null;
        SmsProvider sms = settings.smsProvider().equals("aliyun")
                ? new AliyunSms(cfg, p.json(), p.clock())
                : new DemoSmsProvider();
        LOG.info(
                "messages to visitors: email {}, SMS through the {} provider",
                mailer == null
                        ? "off (mail.host is not set)"
                        : "through " + settings.mail().host(),
                sms.name());
        MessageTexts texts =
                new MessageTexts((lang, key) -> Texts.of(lang, "shop-messages").get(key));
        delivery = new MessageDelivery(
                p.db(),
                store,
                messages,
                new ShopRecipients(keys),
                texts,
                mailer,
                sms,
                tokens,
                settings,
                baseUrl,
                p.clock());
        reminders = new Reminders(p.db(), store, messages, settings.reminderHour(), p.clock());
        codes = new MessageCodeSender(texts, mailer, sms, p.ids()::sortableId, settings.codesInLog());
        webhooks.listen(new BookingMessages(store, messages));
    }

    /** The pages: the visitor's choices and the unsubscribe link's page. */
    public io.scenicpass.server.messages.http.MessagesPages pages(io.scenicpass.server.shop.ShopPages shop) {
        return new io.scenicpass.server.messages.http.MessagesPages(shop, choices);
    }

    /** Sends the due messages now (the delivery job's run); returns how many were sent. */
    public int deliverDue() {
        return delivery.deliverDue();
    }

    /** Queues the reminders due now (the reminder job's run); returns how many. */
    public int remindDue() {
        return reminders.due();
    }

    /** Deletes ended outbox rows past the retention (the retention job's run); returns how many. */
    public int purge() {
        return delivery.purge();
    }

    /** Delivery and reminders every job interval, retention hourly; one node at a time. */
    public void jobs(Jobs jobs) {
        Duration every =
                Duration.ofMillis(Math.max(1, platform.config().jobInterval.toMillis()));
        jobs.singleton("messages-delivery", "message delivery runs", every, this::deliverDue);
        jobs.singleton("messages-reminders", "reminder runs", every, this::remindDue);
        jobs.singleton("messages-retention", "message retention runs", Duration.ofHours(1), this::purge);
    }
}
