package io.scenicpass.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.Operators.SignIn.Outcome;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operators' sign-in on the real server's database: password, TOTP second factor, lockout, first administrator. */
class OperatorSignInTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static Operators operators;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        operators = ts.server.console().operators;
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void theFirstAdministratorIsCreatedWithAGeneratedPasswordInTheDataDirectory() throws Exception {
        Path f = ts.dataDir.resolve("console-admin-password");
        String password = Files.readString(f).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Files.getPosixFilePermissions(f))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Operators.SignIn in = operators.signIn("admin", password, null);
        assertThat(in.outcome()).isEqualTo(Outcome.OK);
        assertThat(in.principal().role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(operators.bootstrap("admin2", "another-password")).isFalse(); // only when there is none
    }

    @Test
    void aPasswordIsCheckedAndNeverStoredInClear() {
        operators.create("mei", "Mei", Role.FINANCE, "correct horse battery");
        assertThat(operators.signIn("mei", "correct horse battery", null).outcome())
                .isEqualTo(Outcome.OK);
        assertThat(operators.signIn("mei", "wrong horse battery", null).outcome())
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(operators.signIn("nobody", "correct horse battery", null).outcome())
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        String stored = ts.server.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT password_hash FROM operator WHERE login='mei'");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).startsWith("$argon2id$").doesNotContain("horse");
        assertThatThrownBy(() -> operators.create("short", null, Role.READ_ONLY, "short"))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("password must be");
    }

    @Test
    void withTotpEnrolledTheCodeIsRequiredAndWorksOnce() {
        Operators.Operator o = operators.create("lei", "Lei", Role.GATE_SUPERVISOR, "gate supervisor pw");
        Operators.Enrolment e = operators.startTotp(o.id());
        assertThat(e.uri()).startsWith("otpauth://totp/ScenicPass:lei?secret=" + e.secret());
        // pending until confirmed: the password alone still signs in
        assertThat(operators.signIn("lei", "gate supervisor pw", null).outcome())
                .isEqualTo(Outcome.OK);
        assertThat(operators.confirmTotp(o.id(), "000000")).isFalse();
        assertThat(operators.confirmTotp(o.id(), code(e.secret(), 0))).isTrue();
        assertThat(operators.get(o.id()).totp()).isTrue();

        ts.clock.advance(Duration.ofSeconds(60));
        assertThat(operators.signIn("lei", "gate supervisor pw", null).outcome())
                .isEqualTo(Outcome.TOTP_REQUIRED);
        assertThat(operators.signIn("lei", "gate supervisor pw", "123456").outcome())
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        String now = code(e.secret(), 0);
        assertThat(operators.signIn("lei", "gate supervisor pw", now).outcome()).isEqualTo(Outcome.OK);
        assertThat(operators.signIn("lei", "gate supervisor pw", now).outcome())
                .as("a code works once")
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(operators
                        .signIn("lei", "wrong password!", code(e.secret(), 30))
                        .outcome())
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        // the secret is sealed at rest
        String stored = ts.server.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT totp_secret FROM operator WHERE login='lei'");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).doesNotContain(e.secret());
    }

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
        Operators.Operator o = operators.create("wang", "Wang", Role.MARKETING, "marketing password");
        for (int i = 1; i < Operators.MAX_FAILURES; i++) {
            assertThat(operators.signIn("wang", "guess " + i + " guess", null).outcome())
                    .isEqualTo(Outcome.BAD_CREDENTIALS);
        }
        assertThat(operators.signIn("wang", "last guess guess", null).outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(operators.signIn("wang", "marketing password", null).outcome())
                .isEqualTo(Outcome.LOCKED);
        assertThat(operators.get(o.id()).locked()).isTrue();
        ts.clock.advance(Operators.LOCK.plusSeconds(1));
        assertThat(operators.signIn("wang", "marketing password", null).outcome())
                .isEqualTo(Outcome.OK);

        for (int i = 0; i < Operators.MAX_FAILURES; i++) {
            operators.signIn("wang", "guess again " + i, null);
        }
        assertThat(operators.signIn("wang", "marketing password", null).outcome())
                .isEqualTo(Outcome.LOCKED);
        operators.unlock(o.id());
        assertThat(operators.signIn("wang", "marketing password", null).outcome())
                .isEqualTo(Outcome.OK);
    }

    /** The code of the step {@code offsetSeconds} after the server's now. */
    static String code(String secret, long offsetSeconds) {
        long t = ts.clock.millis() + offsetSeconds * 1000;
        return Totp.code(Totp.unbase32(secret), Totp.step(t), 6, "HmacSHA1");
    }
}
