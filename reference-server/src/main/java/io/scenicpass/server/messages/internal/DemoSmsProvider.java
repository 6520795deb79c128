package io.scenicpass.server.messages.internal;

import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.SmsProvider;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo SMS provider: writes to the log that an SMS of a kind went to a masked number, nothing of its content (a
 * demo that wants sign-in codes in the log sets {@code shop.codesInLog}, see {@link MessageCodeSender}).
 */
public final class DemoSmsProvider implements SmsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSmsProvider.class);

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public void send(String messageId, String mobile, MessageKind kind, Map<String, String> fields, String text) {
        LOG.info(
                "demo SMS {} to {} ({} characters)",
                kind,
                io.scenicpass.server.shop.account.Address.parse(mobile)
                        .map(io.scenicpass.server.shop.account.Address::masked)
                        .orElse("***"),
                text.length());
    }
}
