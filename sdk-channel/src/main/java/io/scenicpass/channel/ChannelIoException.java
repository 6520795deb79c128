package io.scenicpass.channel;

import io.scenicpass.channel.model.OctoErrorCode;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * No answer from the server after all retries: connection refused, reset, or a timeout. The outcome of a
 * booking call is then unknown; repeat it with the same uuid ({@link #getBookingUuid()}) to learn it safely.
 */
public class ChannelIoException extends ChannelException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message the message
     * @param bookingUuid the booking uuid of the call, or null
     * @param cause the last network error
     */
    public ChannelIoException(String message, String bookingUuid, IOException cause) {
        super(message, OctoErrorCode.INTERNAL_SERVER_ERROR, 0, null, bookingUuid, cause);
    }

    /** @return whether the last attempt timed out (rather than failing to connect or being reset) */
    public boolean isTimeout() {
        return getCause() instanceof InterruptedIOException;
    }
}
