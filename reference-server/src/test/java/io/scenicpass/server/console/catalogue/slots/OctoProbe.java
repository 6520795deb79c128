package io.scenicpass.server.console.catalogue.slots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;

/** What a reseller sees and does through OCTO, for the slots' tests: bookings, slots, a day's status. */
record OctoProbe(TestServer ts, String key) {

    /** Books and confirms {@code adults} adult places of {@code product} in one slot. */
    void book(String product, String uuid, String availabilityId, int adults) {
        String[] units = new String[adults];
        java.util.Arrays.fill(units, product + "-adult");
        TestServer.Answer held =
                ts.post("/octo/bookings", key, TestServer.reserve(uuid, product, availabilityId, units));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}").status())
                .isEqualTo(200);
    }

    /** "HH:MM/vacancies" of every slot of the option between two dates. */
    List<String> starts(String product, String from, String to) {
        JsonNode a = ts.post(
                        "/octo/availability",
                        key,
                        "{\"productId\":\"" + product + "\",\"optionId\":\"" + product + "-opt\",\"localDateStart\":\""
                                + from + "\",\"localDateEnd\":\"" + to + "\"}")
                .json();
        List<String> out = new ArrayList<>();
        a.forEach(s -> out.add(s.get("id").asText().substring(11, 16) + "/"
                + s.get("vacancies").asInt()));
        return out;
    }

    /** The OCTO calendar's status of one day (AVAILABLE, LIMITED, SOLD_OUT, CLOSED). */
    String dayStatus(String product, String date) {
        return ts.post(
                        "/octo/availability/calendar",
                        key,
                        "{\"productId\":\"" + product + "\",\"optionId\":\"" + product + "-opt\",\"localDateStart\":\""
                                + date + "\",\"localDateEnd\":\"" + date + "\"}")
                .json()
                .get(0)
                .get("status")
                .asText();
    }

    /** The OCTO status of one slot. */
    String slotStatus(String product, String availabilityId) {
        return ts.post(
                        "/octo/availability",
                        key,
                        "{\"productId\":\"" + product + "\",\"optionId\":\"" + product
                                + "-opt\",\"availabilityIds\":[\"" + availabilityId + "\"]}")
                .json()
                .get(0)
                .get("status")
                .asText();
    }
}
