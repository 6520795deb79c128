package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input never yields a 500: every case gets the OCTO error body with the right code. */
class OctoBadInputTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        ts = new TestServer(
                dir,
                null,
                new io.scenicpass.server.testing.MutableClock(TestServer.START),
                Map.of("http.maxBodyBytes", "65536"));
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        key = ts.channel("ota", 1000, 1000, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {3} {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST|/octo/bookings|{bad|400|BAD_REQUEST",
                "POST|/octo/bookings|[1,2]|400|BAD_REQUEST",
                "POST|/octo/bookings|null|400|BAD_REQUEST",
                "POST|/octo/bookings|''|400|BAD_REQUEST",
                "POST|/octo/bookings|{\"uuid\":\"a\",\"productId\":5}|400|BAD_REQUEST",
                "POST|/octo/bookings|{\"uuid\":\"a\",\"productId\":\"nope\"}|400|INVALID_PRODUCT_ID",
                "POST|/octo/bookings|{\"uuid\":\"a\",\"productId\":\"tour\",\"optionId\":\"x\"}|400|INVALID_OPTION_ID",
                "POST|/octo/bookings|{\"uuid\":\"a\",\"productId\":\"tour\",\"unitItems\":[{\"unitId\":\"zz\"}]}|400|INVALID_UNIT_ID",
                "POST|/octo/bookings|{\"uuid\":\"a\",\"productId\":\"tour\",\"unitItems\":[]}|400|UNPROCESSABLE_ENTITY",
                "POST|/octo/bookings|{\"uuid\":\"a\",\"productId\":\"tour\",\"unitItems\":\"x\"}|400|BAD_REQUEST",
                "POST|/octo/bookings|{\"uuid\":\"a\",\"productId\":\"tour\",\"availabilityId\":\"2026-06-02T09:00:00+08:00\",\"unitItems\":[{\"unitId\":\"tour-adult\"}]}|400|INVALID_AVAILABILITY_ID",
                "POST|/octo/bookings|{\"uuid\":\"a\",\"productId\":\"tour\",\"availabilityId\":\"garbage\",\"unitItems\":[{\"unitId\":\"tour-adult\"}]}|400|INVALID_AVAILABILITY_ID",
                "POST|/octo/bookings|{\"uuid\":\"a\",\"productId\":\"tour\",\"availabilityId\":\"2026-06-02T08:00:00+08:00\",\"unitItems\":[{\"unitId\":\"tour-adult\"}],\"expirationMinutes\":\"soon\"}|400|BAD_REQUEST",
                "POST|/octo/bookings|{\"uuid\":\"a b\",\"productId\":\"tour\"}|400|BAD_REQUEST",
                "POST|/octo/availability|{\"productId\":\"tour\"}|400|BAD_REQUEST",
                "POST|/octo/availability|{\"productId\":\"tour\",\"localDate\":\"2026-13-45\"}|400|BAD_REQUEST",
                "POST|/octo/availability|{\"productId\":\"tour\",\"localDateStart\":\"2026-06-01\",\"localDateEnd\":\"2027-06-01\"}|400|BAD_REQUEST",
                "POST|/octo/availability/calendar|{\"productId\":\"nope\",\"localDateStart\":\"2026-06-01\",\"localDateEnd\":\"2026-06-02\"}|400|INVALID_PRODUCT_ID",
                "GET|/octo/products/nope||400|INVALID_PRODUCT_ID",
                "GET|/octo/bookings/nope||400|INVALID_BOOKING_UUID",
                "GET|/octo/bookings?localDate=yesterday||400|BAD_REQUEST",
                "POST|/octo/bookings/nope/confirm||400|INVALID_BOOKING_UUID",
                "PATCH|/octo/bookings/nope|{}|400|INVALID_BOOKING_UUID",
                "DELETE|/octo/bookings/nope||400|INVALID_BOOKING_UUID",
                "POST|/octo/availability|{\"productId\":\"nope\",\"localDate\":\"2026-06-02\"}|400|INVALID_PRODUCT_ID",
                "POST|/octo/availability|{\"productId\":\"tour\",\"optionId\":\"x\",\"localDate\":\"2026-06-02\"}|400|INVALID_OPTION_ID",
                "GET|/octo/no-such-endpoint||404|NOT_FOUND",
                "PUT|/octo/products||404|NOT_FOUND",
                "GET|/octo/tickets/nope.png||404|NOT_FOUND",
                "GET|/octo/tickets/nope||404|NOT_FOUND",
            })
    void badInputGetsAnOctoError(String method, String path, String body, int status, String error) {
        Answer a = ts.send(method, path, key, body == null ? null : body, Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.json().get("error").asText()).isEqualTo(error);
        assertThat(a.json().get("errorMessage").asText()).isNotBlank();
    }

    @Test
    void hugeBodyIs413WithAnOctoError() {
        String huge = "{\"uuid\":\"" + "x".repeat(200_000) + "\"}";
        Answer a = ts.post("/octo/bookings", key, huge);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().get("error").asText()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void missingOrWrongKeyIsUnauthorized() {
        assertThat(ts.get("/octo/products", null).json().get("error").asText()).isEqualTo("UNAUTHORIZED");
        Answer wrong = ts.get("/octo/products", "not-a-key");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void adminErrorsAreCodeAndMessage() {
        Answer a = ts.get("/admin/v1/products", "wrong");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        Answer b = ts.send("PUT", "/admin/v1/slots/nope/capacity", TestServer.ADMIN, "{\"capacity\":\"x\"}", Map.of());
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        Answer c = ts.send("PUT", "/admin/v1/slots/nope/capacity", TestServer.ADMIN, "{\"capacity\":3}", Map.of());
        assertThat(c.status()).isEqualTo(404);
        assertThat(c.json().get("message").asText()).isNotBlank();
    }
}
