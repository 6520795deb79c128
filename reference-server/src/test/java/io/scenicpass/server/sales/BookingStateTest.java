package io.scenicpass.server.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The booking's states and moves, and the availability rule, as the services and views rely on them. */
class BookingStateTest {

    @Test
    void onlyTheDocumentedMovesAreAllowed() {
        for (BookingState from : BookingState.values()) {
            EnumSet<BookingState> allowed = EnumSet.noneOf(BookingState.class);
            for (BookingState to : BookingState.values()) {
                if (from.canBecome(to)) {
                    allowed.add(to);
                }
            }
            assertThat(allowed)
                    .as(from.name())
                    .isEqualTo(
                            switch (from) {
                                case ON_HOLD ->
                                    EnumSet.of(BookingState.CONFIRMED, BookingState.CANCELLED, BookingState.EXPIRED);
                                case CONFIRMED -> EnumSet.of(BookingState.REDEEMED, BookingState.CANCELLED);
                                default -> EnumSet.noneOf(BookingState.class);
                            });
        }
        assertThat(EnumSet.allOf(BookingState.class))
                .filteredOn(BookingState::isSold)
                .containsExactly(BookingState.CONFIRMED, BookingState.REDEEMED);
    }

    @Test
    void aCancelledHoldRefundsNothingAConfirmedBookingEverything() {
        assertThat(BookingState.ON_HOLD.cancelRefund()).isEqualTo("NONE");
        assertThat(BookingState.CONFIRMED.cancelRefund()).isEqualTo("FULL");
        assertThatThrownBy(BookingState.REDEEMED::cancelRefund).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void vacancyIsLimitedUnderHalfAndADayWithoutSlotsIsClosed() {
        assertThat(new Vacancy(5, 10, false).status()).isEqualTo(Vacancy.Status.AVAILABLE);
        assertThat(new Vacancy(4, 10, false).status()).isEqualTo(Vacancy.Status.LIMITED);
        assertThat(new Vacancy(0, 10, false).status()).isEqualTo(Vacancy.Status.SOLD_OUT);
        assertThat(new Vacancy(5, 10, true).status()).isEqualTo(Vacancy.Status.CLOSED);
        assertThat(new Vacancy(4, 10, false).available()).isTrue();
        assertThat(new Vacancy(0, 10, false).available()).isFalse();
        assertThat(Vacancy.ofDay(List.of()).status()).isEqualTo(Vacancy.Status.CLOSED);
    }
}
