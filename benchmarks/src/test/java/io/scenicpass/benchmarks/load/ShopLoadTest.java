package io.scenicpass.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shop load in small (200 visitors, a hot slot of 30): exactly 30 sold and paid once, 170 told "sold out". */
@Tag("slow")
class ShopLoadTest {
    @Test
    void twoHundredVisitorsBuyExactlyTheThirtyPlacesOfTheHotSlot() throws Exception {
        ShopOutcome r = ShopLoad.run(200, 30, null);
        System.out.println(r.report());
        assertThat(r.outcomes()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("booked", 30L, "sold out", 170L));
        assertThat(r.booked()).isEqualTo(30);
        assertThat(r.passes()).isEqualTo(30);
        assertThat(r.slotSold()).isEqualTo(30);
        assertThat(r.slotHeld()).isZero();
        assertThat(r.paidOrders()).isEqualTo(30);
        assertThat(r.doubleCharged()).isZero();
        assertThat(r.ok()).as(r.report()).isTrue();
    }
}
