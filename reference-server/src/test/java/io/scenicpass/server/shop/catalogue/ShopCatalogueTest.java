package io.scenicpass.server.shop.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.shop.catalogue.ShopCatalogue.Light;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shop's catalogue: content in the visitor's language, prices per unit, the calendar and slots' live lights. */
class ShopCatalogueTest {
    @TempDir
    Path dir;

    TestServer ts;
    ShopCatalogue catalogue;

    @BeforeEach
    void start() {
        ts = TestServer.h2(dir);
        IdentityFixture.product(ts, "rn", false);
        catalogue = ts.server.shopBook().catalogue;
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void lightsFollowTheDocumentedThresholds() {
        assertThat(Light.of(0, 100)).isEqualTo(Light.SOLD_OUT);
        assertThat(Light.of(10, 1000)).isEqualTo(Light.FEW);
        assertThat(Light.of(20, 100)).isEqualTo(Light.FEW);
        assertThat(Light.of(21, 100)).isEqualTo(Light.PLENTY);
        assertThat(Light.of(11, 12)).isEqualTo(Light.PLENTY);
    }

    @Test
    void aProductPageShowsContentPricesCalendarAndLiveSlots() {
        TestServer.Answer put = ts.send(
                "PUT",
                "/admin/v1/products/rn/content/en",
                TestServer.ADMIN,
                "{\"title\":\"West Lake by boat\",\"shortDescription\":\"An hour on the lake\",\"units\":{\"rn-adult\":"
                        + "{\"title\":\"Adult\"}}}",
                Map.of());
        assertThat(put.status()).as(put.body()).isBetween(200, 201);

        ShopCatalogue.ProductPage page = catalogue.product("rn", LocalDate.parse("2026-06-02"), "en");
        assertThat(page.title()).isEqualTo("West Lake by boat");
        assertThat(page.calendar()).hasSize(ShopCatalogue.DAYS);
        assertThat(page.day()).isEqualTo(LocalDate.parse("2026-06-02"));
        assertThat(page.slots())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.light()).isEqualTo(Light.PLENTY));
        assertThat(page.units()).extracting(ShopCatalogue.UnitPrice::id).contains("rn-adult", "rn-child");
        assertThat(page.units())
                .filteredOn(u -> u.id().equals("rn-child"))
                .allSatisfy(u -> assertThat(u.realName()).isTrue());
        assertThat(catalogue.home("en")).anySatisfy(c -> assertThat(c.title()).isEqualTo("West Lake by boat"));
        assertThat(catalogue.home("zh-CN")).anySatisfy(c -> assertThat(c.id()).isEqualTo("rn"));
    }
}
