package io.scenicpass.server.visitors;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One visitor across channels: found by the keyed hashes of a booking's contact, merged when two meet. */
class VisitorDirectoryTest {
    @TempDir
    Path dir;

    TestServer ts;
    HubFixture hub;
    VisitorDirectory directory;

    @BeforeEach
    void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of("visitors.consentChannels", "ota2"));
        hub = new HubFixture(ts);
        directory = ts.server.visitors().directory();
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void theSamePhoneInTwoChannelsIsOneVisitor() {
        hub.book(hub.ota, "b-ota", "13800138000", null, "tour-adult");
        hub.book(hub.ota2, "b-ota2", "+86 138-0013-8000", "li@example.com", "tour-adult");

        long visitor = directory.ofBooking("b-ota").orElseThrow();
        assertThat(directory.ofBooking("b-ota2")).contains(visitor);
        assertThat(directory.find(VisitorHint.phone("138 0013 8000"))).contains(visitor);
        assertThat(directory.find(VisitorHint.email("LI@example.com"))).contains(visitor);
        assertThat(directory.find(VisitorHint.phone("13900139000"))).isEmpty();
        // ota2's contract says its contacts agreed to marketing; ota's does not, but it is the same person
        assertThat(directory.marketingConsent(visitor)).isTrue();
    }

    @Test
    void twoVisitorsMeetingInOneBookingBecomeOne() {
        hub.book(hub.ota, "by-email", null, "wang@example.com", "tour-adult");
        hub.book(hub.ota, "by-phone", "13700137000", null, "tour-adult");
        long a = directory.ofBooking("by-email").orElseThrow();
        long b = directory.ofBooking("by-phone").orElseThrow();
        assertThat(a).isNotEqualTo(b);
        assertThat(directory.marketingConsent(a)).isFalse();

        hub.book(hub.ota, "both", "13700137000", "wang@example.com", "tour-adult");

        long one = directory.ofBooking("both").orElseThrow();
        assertThat(directory.ofBooking("by-email")).contains(one);
        assertThat(directory.ofBooking("by-phone")).contains(one);
        assertThat(directory.find(VisitorHint.email("wang@example.com"))).contains(one);
    }

    @Test
    void aBookingWithoutContactNamesNobody() {
        hub.book(hub.ota, "anon", null, null, "tour-adult");
        assertThat(directory.ofBooking("anon")).isEmpty();
        assertThat(directory.ofBooking("no-such-booking")).isEmpty();
        assertThat(directory.marketingConsent(987654)).isFalse();
    }
}
