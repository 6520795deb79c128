package io.scenicpass.channel;

import io.scenicpass.channel.model.OctoError;
import io.scenicpass.channel.model.OctoErrorCode;

/**
 * Every failure of a {@link ChannelClient} call. Switch on {@link #getErrorCode()} (one code per OCTO
 * error) or catch a subclass: {@link OctoApiException} (the server answered with an error),
 * {@link RateLimitedException} (429 not recovered within the retry policy), {@link ChannelIoException}
 * (network failure or timeout after all retries) and {@link MalformedResponseException} (the server's answer
 * could not be read). Messages never contain the API key or personal data.
 */
public class ChannelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final OctoErrorCode errorCode;
    private final int httpStatus;
    private final transient OctoError error;
    private final String bookingUuid;

    /**
     * Creates an exception.
     *
     * @param message the message (no secrets, no personal data)
     * @param errorCode the OCTO error code
     * @param httpStatus the HTTP status, or 0 when no response was received
     * @param error the OCTO error body, or null
     * @param bookingUuid the booking uuid of the call (to retry or look it up), or null
     * @param cause the cause, or null
     */
    protected ChannelException(
            String message,
            OctoErrorCode errorCode,
            int httpStatus,
            OctoError error,
            String bookingUuid,
            Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.error = error;
        this.bookingUuid = bookingUuid;
    }

    /** @return the OCTO error code; {@code INTERNAL_SERVER_ERROR} for network failures and unreadable answers */
    public OctoErrorCode getErrorCode() {
        return errorCode;
    }

    /** @return the HTTP status, or 0 when no response was received */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** @return the OCTO error body as sent by the server, or null */
    public OctoError getError() {
        return error;
    }

    /** @return the offending id named by the server (product, option, unit, availability or booking uuid), or null */
    public String getOffendingId() {
        return error == null ? null : error.offendingId();
    }

    /**
     * The booking uuid the failed call carried. After a network failure, calling the same operation again with
     * this uuid (or {@code booking(uuid)}) is safe: the server answers with the same booking, never a second one.
     *
     * @return the booking uuid, or null for calls that are not about one booking
     */
    public String getBookingUuid() {
        return bookingUuid;
    }
}
