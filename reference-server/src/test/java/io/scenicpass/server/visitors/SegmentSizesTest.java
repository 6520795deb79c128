package io.scenicpass.server.visitors;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.visitors.segments.SegmentService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segments' sizes: every segment counted in one scan equals its own count; the answers that take sizes up to a
 * minute old keep the last count until it is older, a segment changes, or the background count runs again; a
 * visitor's export names the segments they are in without counting any.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentSizesTest {
    @TempDir
    static Path dir;

    TestServer ts;
    HubFixture hub;
    SegmentService segments;

    @BeforeAll
    void start() {
        ts = TestServer.h2(dir);
        hub = new HubFixture(ts);
        segments = ts.server.visitors().segments();
    }

    @AfterAll
    void stop() {
        ts.close();
    }

    @Test
    void sizesOfAMinuteAgoUntilCountedAgain() {
        hub.book(hub.ota, "size-fam", "13800000101", null, "tour-adult", "tour-child");
        hub.book(hub.ota, "size-solo", "13800000102", null, "tour-adult");
        segments.put("fams", new SegmentService.Input("Families", "tags has family"));
        segments.put("bookers", new SegmentService.Input("Bookers", "bookings12m >= 1 AND NOT tags has family"));
        segments.put("none", new SegmentService.Input("Nobody", "visits12m > 1000"));

        Map<String, Long> now = sizes(segments.all());
        long f = now.get("fams"); // the other test's family may be counted too
        long b = now.get("bookers");
        assertThat(f).isPositive();
        assertThat(b).isPositive();
        assertThat(now).containsEntry("none", 0L);
        for (String code : List.of("fams", "bookers", "none")) { // one scan for all = each counted alone
            assertThat(segments.get(code).size()).as(code).isEqualTo(now.get(code));
        }

        hub.book(hub.ota, "size-fam2", "13800000103", null, "tour-adult", "tour-child");
        ts.server.visitors().feed().catchUp();
        Duration minute = Duration.ofMinutes(1);
        assertThat(sizes(segments.all(minute)))
                .as("the last count, not a minute old")
                .containsEntry("fams", f);
        assertThat(sizes(segments.all())).as("counted now").containsEntry("fams", f + 1);

        hub.book(hub.ota, "size-fam3", "13800000104", null, "tour-adult", "tour-child");
        ts.server.visitors().feed().catchUp();
        assertThat(sizes(segments.all(minute))).containsEntry("fams", f + 1);
        segments.recount(); // the background job
        assertThat(sizes(segments.all(minute))).containsEntry("fams", f + 2);

        hub.book(hub.ota, "size-fam4", "13800000105", null, "tour-adult", "tour-child");
        ts.clock.advance(Duration.ofSeconds(61));
        assertThat(sizes(segments.all(minute)))
                .as("older than a minute: counted again")
                .containsEntry("fams", f + 3);

        hub.book(hub.ota, "size-solo2", "13800000106", null, "tour-adult");
        segments.put("none", new SegmentService.Input("Nobody", "visits12m > 999"));
        assertThat(sizes(segments.all(minute)))
                .as("a segment changed: counted again")
                .containsEntry("bookers", b + 1)
                .containsEntry("none", 0L);
        segments.delete("none");
        assertThat(sizes(segments.all(minute))).as("a segment deleted").doesNotContainKey("none");
    }

    @Test
    void aVisitorsExportNamesTheirSegments() {
        hub.book(hub.ota, "member-fam", "13800000111", null, "tour-adult", "tour-child");
        long fam = ts.server.visitors().directory().ofBooking("member-fam").orElseThrow();
        segments.put("kids", new SegmentService.Input("With children", "tags has family"));
        segments.put("many", new SegmentService.Input("Many bookings", "bookings12m >= 5"));
        assertThat(segments.memberOf(fam)).contains("kids").doesNotContain("many");
    }

    private static Map<String, Long> sizes(List<SegmentService.Sized> all) {
        return all.stream().collect(Collectors.toMap(s -> s.segment().code(), SegmentService.Sized::size));
    }
}
