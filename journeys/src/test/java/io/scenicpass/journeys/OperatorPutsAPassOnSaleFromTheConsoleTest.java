package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.OctoCapabilities;
import io.scenicpass.channel.model.PassTerms;
import io.scenicpass.channel.model.Product;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The park's operator puts a two-day re-entry pass on sale from the console alone (issues #20 and #23): a new product
 * from the form, its pass terms, a cheaper price for Ctrip in yuan. Ctrip reads the pass terms and its own price
 * through OCTO (Meituan still sees the default), sells the pass, and the visitor enters, exits and comes back in at
 * the gate. Every change is in the audit log under the operator's name.
 */
class OperatorPutsAPassOnSaleFromTheConsoleTest {
    @TempDir
    Path dir;

    @Test
    void aTwoDayPassMadeOnTheConsoleIsSoldByCtripAndReentersAtTheGate() throws Exception {
        try (Park park = Park.open(dir)) {
            PageClient console = ConsoleSignIn.as(park.server, "admin", ConsoleSignIn.adminPassword(park.server));
            console.get("/console/catalogue/products");
            PageClient.Page made = console.post(
                    "/console/catalogue/products",
                    Map.ofEntries(
                            Map.entry("id", "two-day"),
                            Map.entry("name", "Two-day pass"),
                            Map.entry("passKind", "MULTI_DAY"),
                            Map.entry("timeZone", "Asia/Shanghai"),
                            Map.entry("cancelCutoffMinutes", "0"),
                            Map.entry("openTime", "07:00"),
                            Map.entry("closeTime", "18:00"),
                            Map.entry("intervalMinutes", "660"),
                            Map.entry("slotCapacity", "500"),
                            Map.entry("unitType0", "ADULT"),
                            Map.entry("unitName0", "Adult"),
                            Map.entry("retail0", "150.00")));
            assertThat(made.status()).as(made.body()).isEqualTo(303);
            console.follow(made);
            assertThat(console.post(
                                    "/console/catalogue/products/two-day/pass-terms",
                                    Map.of(
                                            "reentry", "AFTER_EXIT",
                                            "entriesAllowed", "0",
                                            "windowDays", "2",
                                            "daysAllowed", "2"))
                            .status())
                    .isEqualTo(303);
            assertThat(console.post(
                                    "/console/catalogue/products/two-day/price",
                                    Map.of(
                                            "unitId", "two-day-adult",
                                            "channelId", "ctrip",
                                            "retail", "135.00",
                                            "net", "120.00"))
                            .status())
                    .isEqualTo(303);

            Product seen = product(park, "ctrip");
            PassTerms terms = seen.getPassTerms();
            assertThat(terms.getReentry()).isEqualTo("AFTER_EXIT");
            assertThat(terms.getWindowDays()).isEqualTo(2);
            assertThat(adultRetail(seen)).isEqualTo(13500);
            assertThat(adultRetail(product(park, "meituan"))).isEqualTo(15000);

            OtaBookingFlow.Result bought =
                    PassHoldersComeBackTest.book(park.reseller("ctrip"), park, "two-day", "CT-CONSOLE-2DAY");
            String qr = bought.qrCodes.get(0);
            Instant visit = bought.slot.getLocalDateTimeStart().toInstant();
            EmbeddedGate south = park.gate("gate-south");
            park.timeIs(visit.plus(Duration.ofHours(1)));
            assertThat(south.start().success()).isTrue();
            assertThat(south.scan(qr).admitted()).isTrue();
            assertThat(south.scan(qr).reason()).isEqualTo(Reason.EXIT_REQUIRED);
            assertThat(PassHoldersComeBackTest.exit(south, qr).admitted()).isTrue();
            assertThat(south.scan(qr).admitted()).as("back in after the exit").isTrue();

            assertThat(park.admin("GET", "/admin/v1/audit?actor=operator:admin&action=product", null)
                            .body())
                    .contains("console: create product", "console: product passTerms", "console: product price");
        }
    }

    /** The two-day pass as {@code channelId} reads it on OCTO, with its prices (octo/pricing). */
    private static Product product(Park park, String channelId) {
        try (ChannelClient c = ChannelClient.builder()
                .baseUrl(park.server.url("/octo"))
                .apiKey(park.demo.channelKeys().get(channelId))
                .capabilities(List.of(OctoCapabilities.PRICING))
                .build()) {
            return c.product("two-day");
        }
    }

    private static int adultRetail(Product p) {
        return p.defaultOption().getUnits().get(0).getPricingFrom().get(0).getRetail();
    }
}
