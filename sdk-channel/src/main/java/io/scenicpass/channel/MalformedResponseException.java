package io.scenicpass.channel;

import io.scenicpass.channel.model.OctoErrorCode;

/** The server answered, but its body could not be read as the expected OCTO JSON. Not retried automatically. */
public class MalformedResponseException extends ChannelException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message the message (never the body itself, which may hold personal data)
     * @param httpStatus the HTTP status
     * @param bookingUuid the booking uuid of the call, or null
     * @param cause the parse error, or null
     */
    public MalformedResponseException(String message, int httpStatus, String bookingUuid, Throwable cause) {
        super(message, OctoErrorCode.INTERNAL_SERVER_ERROR, httpStatus, null, bookingUuid, cause);
    }
}
