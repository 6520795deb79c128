package io.scenicpass.server.counter.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.SecretHash;
import io.scenicpass.server.counter.boxoffice.CashUp.DeviceTally;
import io.scenicpass.server.counter.boxoffice.CashUp.Entry;
import io.scenicpass.server.counter.boxoffice.CashUp.Mismatch;
import io.scenicpass.server.counter.boxoffice.store.ShiftStore.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cash-up arithmetic and the reconciliation of a device's tally, sale by sale. */
class CashUpTest {
    private static final List<Money> SALES =
            List.of(new Money("s1", "CASH", 12_000), new Money("s2", "CASH", 8_000), new Money("s3", "CODE", 5_000));
    private static final List<Money> REFUNDS = List.of(new Money("s2", "CASH", 8_000));

    @Test
    void expectedCashIsTheFloatPlusCashSalesMinusCashRefunds() {
        CashUp.Totals sold = CashUp.totals(SALES);
        CashUp.Totals back = CashUp.totals(REFUNDS);
        assertThat(sold.byMethod().get("CASH")).isEqualTo(new CashUp.Total(2, 20_000));
        assertThat(sold.byMethod().get("CODE")).isEqualTo(new CashUp.Total(1, 5_000));
        assertThat(sold.count()).isEqualTo(3);
        assertThat(sold.fen()).isEqualTo(25_000);
        assertThat(back.byMethod()).containsOnlyKeys("CASH");
        // the CODE sale never touches the drawer
        assertThat(CashUp.expectedCash(50_000, sold, back)).isEqualTo(50_000 + 20_000 - 8_000);
        assertThat(CashUp.expectedCash(0, CashUp.totals(List.of()), CashUp.totals(List.of())))
                .isZero();
    }

    @Test
    void aTallyThatAgreesHasNoMismatch() {
        DeviceTally tally = new DeviceTally(
                List.of(
                        new Entry("s3", "CODE", 5_000L),
                        new Entry("s1", "CASH", 12_000L),
                        new Entry("s2", "CASH", 8_000L)),
                List.of(new Entry("s2", "CASH", 8_000L)));
        CashUp.Reconciliation r = CashUp.reconcile(tally, SALES, REFUNDS);
        assertThat(r.checked()).isTrue();
        assertThat(r.mismatches()).isEmpty();
        assertThat(CashUp.reconcile(null, SALES, REFUNDS).checked()).isFalse();
    }

    @Test
    void everyDisagreementIsListedWithBothSides() {
        DeviceTally tally = new DeviceTally(
                List.of(
                        new Entry("s1", "CASH", 12_000L), // agrees
                        new Entry("s2", "CODE", 8_000L), // method differs
                        new Entry("s9", "CASH", 3_000L)), // the server has no such sale
                List.of()); // the device forgot the refund; s3 missing on the device
        List<Mismatch> m = CashUp.reconcile(tally, SALES, REFUNDS).mismatches();
        assertThat(m)
                .containsExactly(
                        new Mismatch(
                                "SALE",
                                "s2",
                                "DIFFERS",
                                new Entry("s2", "CODE", 8_000L),
                                new Entry("s2", "CASH", 8_000L)),
                        new Mismatch("SALE", "s3", "MISSING_ON_DEVICE", null, new Entry("s3", "CODE", 5_000L)),
                        new Mismatch("SALE", "s9", "MISSING_ON_SERVER", new Entry("s9", "CASH", 3_000L), null),
                        new Mismatch("REFUND", "s2", "MISSING_ON_DEVICE", null, new Entry("s2", "CASH", 8_000L)));
    }

    @Test
    void aSecretHashChecksItsOwnPinOnlyAndNeverHoldsThePin() {
        String h = SecretHash.hash("4711", new java.security.SecureRandom());
        assertThat(h).startsWith("$argon2id$v=19$m=" + SecretHash.MEMORY_KIB + ",t=" + SecretHash.ITERATIONS + ",p=1$");
        assertThat(h).doesNotContain("4711");
        assertThat(SecretHash.matches("4711", h)).isTrue();
        assertThat(SecretHash.matches("4712", h)).isFalse();
        assertThat(SecretHash.hash("4711", new java.security.SecureRandom())).isNotEqualTo(h); // salted
        assertThat(SecretHash.matches("4711", "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA"))
                .isFalse();
    }
}
