package io.scenicpass.server.messages.internal;

import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.SmsProvider;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo SMS provider: writes to the log that an SMS of a kind went to a masked number. The sign-in code shows
 * only with {@code sms.demo.showCodes=true} (a demo without a phone); nothing else of the message is logged.
 */
public final class DemoSmsProvider implements SmsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSmsProvider.class);

    private final boolean showCodes;

    public DemoSmsProvider(boolean showCodes) {
        this.showCodes = showCodes;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public void send(String messageId, String mobile, MessageKind kind, Map<String, String> fields, String text) {
        if (showCodes && kind == MessageKind.SIGN_IN_CODE) {
            LOG.info("demo SMS {} to {}: code {}", kind, Masking.mobile(mobile), fields.get("code"));
        } else {
            LOG.info("demo SMS {} to {} ({} characters)", kind, Masking.mobile(mobile), text.length());
        }
    }
}
