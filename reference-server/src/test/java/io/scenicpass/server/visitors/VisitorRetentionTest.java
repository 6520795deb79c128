package io.scenicpass.server.visitors;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Direction;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention with the server's clock: tags follow the 12-month window; facts past 24 months go, and then the visitor. */
class VisitorRetentionTest {
    @TempDir
    Path dir;

    TestServer ts;

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void tagsLeaveWithTheWindowAndFactsLeaveAfterRetention() {
        ts = TestServer.h2(dir);
        HubFixture hub = new HubFixture(ts);
        VisitorsModule visitors = ts.server.visitors();
        String pass = hub.book(hub.ota, "old", "13800000021", null, "tour-adult", "tour-child")
                .get(0);
        Instant t = Instant.parse("2026-06-02T02:00:00Z");
        hub.pass(pass, "park", Direction.IN, t);
        hub.pass(pass, "museum", Direction.IN, t.plusSeconds(60));
        hub.pass(pass, "museum", Direction.OUT, t.plusSeconds(3600));
        visitors.feed().catchUp();
        long id = visitors.directory().ofBooking("old").orElseThrow();
        assertThat(visitors.segments().tagsOf(id)).containsExactly("culture", "family");

        ts.clock.set(Instant.parse("2027-06-02T04:00:00Z")); // the visit day left the 12-month window yesterday
        visitors.privacy().retain();
        assertThat(visitors.segments().tagsOf(id)).isEmpty();
        assertThat(visitors.directory().find(VisitorHint.phone("13800000021"))).contains(id);

        ts.clock.advance(Duration.ofDays(400)); // past 24 months of the last fact
        visitors.privacy().retain();
        assertThat(visitors.directory().find(VisitorHint.phone("13800000021"))).isEmpty();
        assertThat(visitors.directory().ofBooking("old")).isEmpty(); // the booking's row went with its facts
        assertThat(ts.get("/admin/v1/visitors/" + id, TestServer.ADMIN).status())
                .isEqualTo(404);
        long facts = ts.server
                .database()
                .read(c -> io.scenicpass.server.db.Jdbc.one(
                                c,
                                "SELECT (SELECT COUNT(*) FROM visit) + (SELECT COUNT(*) FROM visitor_booking)",
                                rs -> rs.getLong(1))
                        .orElseThrow());
        assertThat(facts).isZero();
    }

    @Test
    void eachDayLeavingTheWindowIsDecayedOnceAndADayMissedIsCaughtUp() {
        ts = TestServer.h2(dir);
        HubFixture hub = new HubFixture(ts);
        VisitorsModule visitors = ts.server.visitors();
        Instant day1 = Instant.parse("2026-06-02T02:00:00Z");
        String p1 = hub.book(hub.ota, "d1", "13800000031", null, "tour-adult", "tour-child")
                .get(0);
        hub.pass(p1, "park", Direction.IN, day1);
        String p2 = hub.book(hub.ota, "d2", "13800000032", null, "tour-adult", "tour-child")
                .get(0);
        hub.pass(p2, "park", Direction.IN, day1.plus(Duration.ofDays(1)));
        visitors.feed().catchUp();
        long first = visitors.directory().ofBooking("d1").orElseThrow();
        long second = visitors.directory().ofBooking("d2").orElseThrow();
        assertThat(visitors.segments().tagsOf(first)).contains("family");

        ts.clock.set(Instant.parse("2027-06-01T04:00:00Z")); // the day before 06-02 left the window: neither yet
        visitors.privacy().retain();
        assertThat(visitors.segments().tagsOf(first)).contains("family");

        // the server is down on 2027-06-02 (when 2026-06-02 leaves the window) and runs again on 06-03
        ts.clock.set(Instant.parse("2027-06-03T04:00:00Z"));
        visitors.privacy().retain();
        assertThat(visitors.segments().tagsOf(first))
                .as("the day missed, caught up")
                .isEmpty();
        assertThat(visitors.segments().tagsOf(second)).isEmpty();

        // an hourly run later the same day does not recompute that day's visitors again
        ts.server
                .database()
                .tx(c -> io.scenicpass.server.db.Jdbc.update(
                        c, "INSERT INTO visitor_tag(visitor_id, tag, since) VALUES (?, 'family', 0)", second));
        ts.clock.advance(Duration.ofHours(1));
        visitors.privacy().retain();
        assertThat(visitors.segments().tagsOf(second))
                .as("not recomputed twice")
                .containsExactly("family");
    }
}
