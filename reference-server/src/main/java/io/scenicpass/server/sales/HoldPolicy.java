package io.scenicpass.server.sales;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.time.Duration;

/** How long a hold lasts: {@code defaultMinutes} unless the channel asks for 1..{@code maxMinutes} minutes. */
public record HoldPolicy(int defaultMinutes, int maxMinutes) {

    /** The hold's length for a requested number of minutes (null: the default); out of range is BAD_REQUEST. */
    public Duration length(Integer requestedMinutes) {
        int minutes = requestedMinutes == null ? defaultMinutes : requestedMinutes;
        if (minutes < 1 || minutes > maxMinutes) {
            throw new ServiceException(Problem.BAD_REQUEST, "expirationMinutes must be 1.." + maxMinutes);
        }
        return Duration.ofMinutes(minutes);
    }
}
