package io.scenicpass.terminal;

import static io.scenicpass.terminal.GateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Blacklist;
import io.scenicpass.core.Claims;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passes with daily terms, decided offline: an annual pass (one entry a day), a 2-day re-entry pass (days allowed, exit
 * before re-entry within a day), an N-entry pass, a pass not activated, a frozen pass (its blacklist entry, lifted by
 * removal); the ledger keeps entry times across a restart.
 */
class DailyPassRulesTest {
    @TempDir
    Path dir;

    private final GateFixture f = new GateFixture();
    private Gate gate;
    /** Day 0 of the passes starts at the local midnight before T0 (T0 is 10:00 at +08:00). */
    private static final Instant MIDNIGHT = Instant.parse("2026-06-30T16:00:00Z");

    private Gate gate() {
        if (gate == null) {
            gate = f.gate(dir);
        }
        return gate;
    }

    @AfterEach
    void close() {
        if (gate != null) {
            gate.close();
        }
    }

    private String enter(Pass pass) {
        return gate().decide(Credential.qr(pass.text()), GateContext.entry("main"))
                .reason();
    }

    private String exit(Pass pass) {
        return gate().decide(Credential.qr(pass.text()), GateContext.exit("main"))
                .reason();
    }

    private Claims.Builder days(PassKind kind, int days) {
        return f.claims().kind(kind).validFrom(MIDNIGHT).validUntil(MIDNIGHT.plus(Duration.ofDays(days)));
    }

    @Test
    void annualPassAdmitsOnceADay() {
        Pass p = f.issue(days(PassKind.ANNUAL, 365)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.UNLIMITED)
                .entriesPerDay(1)
                .build());
        assertThat(enter(p)).isEqualTo(Reason.OK);
        assertThat(exit(p)).isEqualTo(Reason.OK);
        assertThat(enter(p)).isEqualTo(Reason.ALREADY_ENTERED_TODAY);
        f.clock.advance(Duration.ofHours(13)); // 23:00 local: still today
        assertThat(enter(p)).isEqualTo(Reason.ALREADY_ENTERED_TODAY);
        f.clock.advance(Duration.ofHours(2)); // 01:00 the next day
        assertThat(enter(p)).isEqualTo(Reason.OK);
        assertThat(enter(p)).isEqualTo(Reason.ALREADY_ENTERED_TODAY);
    }

    @Test
    void twoDayReentryPassNeedsAnExitWithinADayAndStopsAfterItsDays() {
        Pass p = f.issue(days(PassKind.MULTI_DAY, 7)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.AFTER_EXIT)
                .daysAllowed(2)
                .build());
        assertThat(enter(p)).isEqualTo(Reason.OK);
        assertThat(enter(p)).isEqualTo(Reason.EXIT_REQUIRED);
        assertThat(exit(p)).isEqualTo(Reason.OK);
        assertThat(enter(p)).isEqualTo(Reason.OK); // re-entry the same day
        f.clock.advance(Duration.ofDays(2)); // day 2 of 7: no exit was scanned last night, a new day starts outside
        assertThat(enter(p)).isEqualTo(Reason.OK);
        assertThat(exit(p)).isEqualTo(Reason.OK);
        assertThat(enter(p)).isEqualTo(Reason.OK); // the second day's re-entry
        assertThat(exit(p)).isEqualTo(Reason.OK);
        f.clock.advance(Duration.ofDays(1)); // a third day within the window: both days are used
        assertThat(enter(p)).isEqualTo(Reason.DAYS_USED_UP);

        // the ledger keeps the entry times across a restart
        gate.close();
        gate = null;
        assertThat(enter(p)).isEqualTo(Reason.DAYS_USED_UP);
    }

    @Test
    void nEntryPassCountsEntries() {
        Pass p = f.issue(days(PassKind.MULTI_DAY, 30)
                .entriesAllowed(2)
                .reentry(ReentryPolicy.UNLIMITED)
                .build());
        assertThat(enter(p)).isEqualTo(Reason.OK);
        f.clock.advance(Duration.ofDays(3));
        assertThat(enter(p)).isEqualTo(Reason.OK);
        assertThat(enter(p)).isEqualTo(Reason.NO_ENTRIES_LEFT);
    }

    @Test
    void notActivatedThenExpiredAfterTheDeadline() {
        Pass p = f.issue(days(PassKind.ANNUAL, 90)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.UNLIMITED)
                .entriesPerDay(1)
                .activationRequired(true)
                .build());
        assertThat(enter(p)).isEqualTo(Reason.NOT_ACTIVATED);
        f.clock.advance(Duration.ofDays(91));
        assertThat(enter(p)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void frozenUntilItsBlacklistEntryIsRemoved() {
        Pass p = f.issue(days(PassKind.ANNUAL, 365)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.UNLIMITED)
                .entriesPerDay(1)
                .build());
        String marker = Blacklist.encode(HolderBinding.frozenPass(p.claims().passId()));
        GateInternals.state(gate())
                .applyBlacklist(new BlacklistDelta(0, 1, List.of(marker), Collections.emptyList(), false));
        assertThat(enter(p)).isEqualTo(Reason.FROZEN);
        Pass other = f.issue(days(PassKind.ANNUAL, 365).entriesAllowed(0).build());
        assertThat(enter(other)).isEqualTo(Reason.OK); // only that pass
        GateInternals.state(gate())
                .applyBlacklist(new BlacklistDelta(1, 2, Collections.emptyList(), List.of(marker), false));
        assertThat(enter(p)).isEqualTo(Reason.OK);
    }

    @Test
    void passesWithoutDailyTermsKeepTheirOldRules() {
        // anti-passback without daily terms: still inside the next day, as before
        Pass p = f.issue(days(PassKind.ANNUAL, 365)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.AFTER_EXIT)
                .build());
        assertThat(enter(p)).isEqualTo(Reason.OK);
        f.clock.advance(Duration.ofDays(1));
        assertThat(enter(p)).isEqualTo(Reason.EXIT_REQUIRED);
        assertThat(T0).isAfter(MIDNIGHT);
    }
}
