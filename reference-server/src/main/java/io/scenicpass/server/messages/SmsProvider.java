package io.scenicpass.server.messages;

import java.util.Map;

/**
 * Sends SMS to mainland mobile numbers (the SPI; {@code sms.provider} picks one: {@code demo} writes to the log,
 * {@code aliyun} is Alibaba Cloud SMS). Providers never log the number or the fields in clear.
 */
public interface SmsProvider {
    /** A refused or failed send; {@code retryable} false when trying again cannot help (a bad number, a template). */
    final class SmsException extends Exception {
        public final boolean retryable;

        public SmsException(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }
    }

    /** The provider's name in the log and docs. */
    String name();

    /**
     * Sends one SMS of {@code kind}: {@code fields} are the template's variables (providers whose operators register
     * templates use them), {@code text} the whole message in the visitor's language (providers that send text);
     * {@code messageId} names the outbox row (the provider's own reference, where it takes one).
     */
    void send(String messageId, String mobile, MessageKind kind, Map<String, String> fields, String text)
            throws SmsException;
}
