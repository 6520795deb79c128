package io.scenicpass.server.payments;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;

/** An amount in the currency's smallest unit (fen for CNY) and its ISO 4217 code: never a floating point. */
public record Money(long fen, String currency) {
    /** Largest amount one payment may take (10 million yuan): far above any ticket order, far below overflow. */
    public static final long MAX_FEN = 1_000_000_000L;

    public Money {
        if (fen < 0 || fen > MAX_FEN) {
            throw new ServiceException(Problem.BAD_REQUEST, "amount must be 0.." + MAX_FEN + " fen");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "currency must be an ISO 4217 code such as CNY");
        }
    }

    public static Money cny(long fen) {
        return new Money(fen, "CNY");
    }
}
