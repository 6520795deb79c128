package io.scenicpass.server.packages;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settlement's exports hold the partner section its JSON has: two packages sold (two rooms, three bus seats) and
 * one cancelled (a room and a seat) give, per partner, parts sold, places cancelled and the net owed — read back from
 * the CSV (a second table after an empty line) and from the XLSX (a second sheet "partners", with Apache POI).
 */
class PartnerSettlementExportTest {
    static final String PERIOD = "/admin/v1/settlement?from=2026-06-01&to=2026-06-01&format=";

    @TempDir
    Path dir;

    TestServer ts;
    PackageFixture f;

    @BeforeEach
    void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        f = new PackageFixture(ts, 2, 10);
        f.book("b1", 2);
        f.book("b2", 1);
        assertThat(ts.post("/octo/bookings/b2/cancel", f.key, "{}").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void theCsvHasThePartnersAfterTheChannels() {
        String csv = new String(ts.getBytes(PERIOD + "csv", TestServer.ADMIN), StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(csv.substring(1).split("\r\n", -1));
        int blank = lines.indexOf("");
        assertThat(lines.get(0)).startsWith("channel_id,");
        assertThat(lines.subList(1, blank)).anyMatch(l -> l.startsWith("ota,"));
        assertThat(lines.get(blank + 1))
                .isEqualTo("partner_id,partner,currency,sold_parts,sold_places,sold_net,cancelled_places,"
                        + "cancelled_net,owed_net");
        assertThat(lines.subList(blank + 2, lines.size()))
                .containsExactly(
                        "citybus,City Bus,CNY,2,3,60.00,1,20.00,40.00",
                        "lakeside,Lakeside Hotel,CNY,2,2,600.00,1,300.00,300.00",
                        "");
    }

    @Test
    void theXlsxHasASheetOfPartners() throws Exception {
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(ts.getBytes(PERIOD + "xlsx", TestServer.ADMIN)))) {
            assertThat(wb.getSheetName(0)).isEqualTo("settlement");
            Sheet partners = wb.getSheet("partners");
            assertThat(partners).isNotNull();
            assertThat(cells(partners.getRow(0)))
                    .containsExactly(
                            "partner_id",
                            "partner",
                            "currency",
                            "sold_parts",
                            "sold_places",
                            "sold_net",
                            "cancelled_places",
                            "cancelled_net",
                            "owed_net");
            assertThat(cells(partners.getRow(1)))
                    .containsExactly("citybus", "City Bus", "CNY", "2.0", "3.0", "60.0", "1.0", "20.0", "40.0");
            assertThat(cells(partners.getRow(2)))
                    .containsExactly(
                            "lakeside", "Lakeside Hotel", "CNY", "2.0", "2.0", "600.0", "1.0", "300.0", "300.0");
            assertThat(partners.getRow(3)).isNull();
        }
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(
                switch (c.getCellType()) {
                    case NUMERIC -> Double.toString(c.getNumericCellValue());
                    default -> c.getStringCellValue();
                }));
        return out;
    }
}
