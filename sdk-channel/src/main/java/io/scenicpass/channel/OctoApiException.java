package io.scenicpass.channel;

import io.scenicpass.channel.model.OctoError;
import io.scenicpass.channel.model.OctoErrorCode;

/** The server answered with an OCTO error ({@code {error, errorMessage, <offending id>}}) or a bare error status. */
public class OctoApiException extends ChannelException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message the message
     * @param errorCode the OCTO error code
     * @param httpStatus the HTTP status
     * @param error the error body, or null when the server sent none
     * @param bookingUuid the booking uuid of the call, or null
     */
    public OctoApiException(
            String message, OctoErrorCode errorCode, int httpStatus, OctoError error, String bookingUuid) {
        super(message, errorCode, httpStatus, error, bookingUuid, null);
    }
}
