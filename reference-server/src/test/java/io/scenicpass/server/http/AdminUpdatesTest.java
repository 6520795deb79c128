package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin updates of the outside run that corrupted state, each refused with a typed 400 and nothing changed; PUT
 * replaces a whole resource and needs its fields, PATCH changes only the fields it names.
 */
class AdminUpdatesTest {
    @TempDir
    Path dir;

    private static Answer send(TestServer ts, String method, String path, String body) {
        return ts.send(method, path, TestServer.ADMIN, body, Map.of());
    }

    @Test
    void aMisspeltTerminalConfigFieldIsRefusedAndWipesNothing() {
        try (TestServer ts = TestServer.h2(dir)) {
            JsonNode before =
                    ts.get("/admin/v1/terminal-config", TestServer.ADMIN).json();
            assertThat(before.get("messages").size()).isPositive();

            Answer misspelt = send(ts, "PUT", "/admin/v1/terminal-config", "{\"earlyTolerance\":600}");
            assertThat(misspelt.status()).isEqualTo(400);
            assertThat(misspelt.json().get("code").asText()).isEqualTo("BAD_REQUEST");
            assertThat(misspelt.json().get("message").asText()).isEqualTo("unknown field 'earlyTolerance'");
            Answer partialPut = send(ts, "PUT", "/admin/v1/terminal-config", "{\"earlyToleranceSeconds\":600}");
            assertThat(partialPut.status()).isEqualTo(400);
            assertThat(partialPut.json().get("message").asText()).endsWith("is required");
            assertThat(send(
                                    ts,
                                    "PUT",
                                    "/admin/v1/terminal-config",
                                    "{\"earlyToleranceSeconds\":86401,"
                                            + "\"lateToleranceSeconds\":0,\"rules\":[],\"messages\":{},\"healthCertificateRequired\":false}")
                            .status())
                    .isEqualTo(400);
            assertThat(ts.get("/admin/v1/terminal-config", TestServer.ADMIN).json())
                    .isEqualTo(before);

            Answer patched = send(ts, "PATCH", "/admin/v1/terminal-config", "{\"earlyToleranceSeconds\":600}");
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            JsonNode after =
                    ts.get("/admin/v1/terminal-config", TestServer.ADMIN).json();
            assertThat(after.get("earlyToleranceSeconds").asLong()).isEqualTo(600);
            assertThat(after.get("lateToleranceSeconds")).isEqualTo(before.get("lateToleranceSeconds"));
            assertThat(after.get("messages")).isEqualTo(before.get("messages"));
            assertThat(after.get("rules")).isEqualTo(before.get("rules"));
        }
    }

    @Test
    void productGatePoliciesArePatchedCheckedAndKeptByAPutWithoutThem() {
        try (TestServer ts = TestServer.h2(dir)) {
            assertThat(ts.get("/admin/v1/terminal-config", TestServer.ADMIN)
                            .json()
                            .get("productPolicies"))
                    .isEmpty();
            Answer bad = send(
                    ts,
                    "PATCH",
                    "/admin/v1/terminal-config",
                    "{\"productPolicies\":{\"child\":{\"childPolicy\":\"NOBODY\"}}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("message").asText())
                    .isEqualTo("productPolicies.child.childPolicy must be DOCUMENT or ATTENDED");
            Answer ok = send(
                    ts,
                    "PATCH",
                    "/admin/v1/terminal-config",
                    "{\"productPolicies\":{\"child\":{\"childPolicy\":\"ATTENDED\"},"
                            + "\"realname\":{\"idWithPass\":true}}}");
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            JsonNode p =
                    ts.get("/admin/v1/terminal-config", TestServer.ADMIN).json().get("productPolicies");
            assertThat(p.get("child").get("childPolicy").asText()).isEqualTo("ATTENDED");
            assertThat(p.get("realname").get("idWithPass").asBoolean()).isTrue();
            assertThat(p.get("realname").get("childPolicy").asText()).isEqualTo("DOCUMENT");
            // an older client's PUT without the field empties it, like any list left out, and still works
            assertThat(send(
                                    ts,
                                    "PUT",
                                    "/admin/v1/terminal-config",
                                    "{\"earlyToleranceSeconds\":1800,\"lateToleranceSeconds\":900,\"rules\":[],"
                                            + "\"messages\":{},\"healthCertificateRequired\":false}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aChannelRateOfZeroOrLessIsRefusedAndPatchChangesOnlyWhatItNames() {
        try (TestServer ts = TestServer.h2(dir)) {
            String key = ts.channel("ota", 50, 100, null);
            for (String rate : new String[] {"0", "-5", "100001"}) {
                Answer a = send(
                        ts,
                        "PUT",
                        "/admin/v1/channels/ota",
                        "{\"name\":\"OTA\",\"kind\":\"OTA\",\"ratePerSecond\":" + rate
                                + ",\"burst\":100,\"active\":true}");
                assertThat(a.status()).as(rate).isEqualTo(400);
                assertThat(a.json().get("message").asText()).startsWith("ratePerSecond must be 1..100000");
                assertThat(send(ts, "PATCH", "/admin/v1/channels/ota", "{\"ratePerSecond\":" + rate + "}")
                                .status())
                        .isEqualTo(400);
            }
            assertThat(ts.get("/octo/supplier", key).status()).isEqualTo(200); // no permanent 429
            assertThat(send(ts, "PUT", "/admin/v1/channels/ota", "{\"ratePerSecond\":7}")
                            .json()
                            .get("message")
                            .asText())
                    .isEqualTo("name is required");

            assertThat(send(ts, "PATCH", "/admin/v1/channels/ota", "{\"ratePerSecond\":7}")
                            .status())
                    .isEqualTo(204);
            JsonNode ch = ts.get("/admin/v1/channels", TestServer.ADMIN).json().get(0);
            assertThat(ch.get("ratePerSecond").asInt()).isEqualTo(7);
            assertThat(ch.get("burst").asInt()).isEqualTo(100);
            assertThat(ch.get("name").asText()).isEqualTo("ota");
            assertThat(send(ts, "PATCH", "/admin/v1/channels/ota", "{\"id\":\"other\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(send(ts, "PATCH", "/admin/v1/channels/nope", "{\"burst\":5}")
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void anAllotmentOfIntMaxIsRefusedAndVacanciesStayTrue() {
        try (TestServer ts = TestServer.h2(dir)) {
            ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
            ts.channel("ota", 50, 100, null);
            JsonNode slot = ts.get("/admin/v1/slots?productId=tour&from=2026-06-02", TestServer.ADMIN)
                    .json()
                    .get(0);
            String id = slot.get("slotId").asText().replace("|", "%7C").replace("+", "%2B");
            Answer a = send(ts, "PUT", "/admin/v1/slots/" + id + "/allotments/ota", "{\"capacity\":2147483647}");
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("message").asText()).startsWith("capacity must be 0..1000000");
            assertThat(send(ts, "PUT", "/admin/v1/slots/" + id + "/capacity", "{\"capacity\":2147483648}")
                            .json()
                            .get("message")
                            .asText())
                    .isEqualTo("number out of range for field 'capacity'");
            JsonNode after = ts.get("/admin/v1/slots?productId=tour&from=2026-06-02", TestServer.ADMIN)
                    .json()
                    .get(0);
            assertThat(after.get("vacancies").asInt()).isEqualTo(10);
            assertThat(send(ts, "PUT", "/admin/v1/slots/" + id + "/allotments/ota", "{\"capacity\":1000000}")
                            .status())
                    .isEqualTo(204);
            JsonNode av = ts.post(
                            "/octo/availability", "key-ota", "{\"productId\":\"tour\",\"localDate\":\"2026-06-02\"}")
                    .json();
            assertThat(av.get(0).get("vacancies").asLong()).isBetween(0L, 1_000_010L);
        }
    }
}
