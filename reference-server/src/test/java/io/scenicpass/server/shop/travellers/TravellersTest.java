package io.scenicpass.server.shop.travellers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved travellers: validated like a booking's documents, stored only as keyed hash and ciphertexts (the database
 * never holds the number or the name in clear), shown masked, each visitor's own.
 */
class TravellersTest {
    static final String ID = IdentityFixture.cnId("19800101", "555");

    @TempDir
    Path dir;

    TestServer ts;
    Travellers travellers;

    @BeforeEach
    void start() {
        ts = TestServer.h2(dir);
        travellers = ts.server.shopBook().travellers;
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void aDocumentIsValidatedStoredSealedAndShownMasked() {
        Travellers.Traveller t = travellers.add(7, new IdentityInput("CN_ID", ID, "张三", null));
        assertThat(t.number()).startsWith("3301").contains("*").isNotEqualTo(ID);
        assertThat(t.name()).isEqualTo("张*");
        assertThat(travellers.list(7)).containsExactly(t);
        assertThat(travellers.list(8)).isEmpty();
        String stored = ts.server.database().read(c -> {
            StringBuilder all = new StringBuilder();
            try (var rs = c.createStatement().executeQuery("SELECT * FROM shop_traveller")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        all.append(rs.getString(i)).append('|');
                    }
                }
            }
            return all.toString();
        });
        assertThat(stored).doesNotContain(ID).doesNotContain("张三");
        assertThat(travellers.identity(7, t.id()).number()).isEqualTo(ID);
    }

    @Test
    void badDuplicateAndForeignTravellersAreTypedErrors() {
        assertThatThrownBy(() -> travellers.add(7, new IdentityInput("CN_ID", "110101198001010000", "张三", null)))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST));
        assertThatThrownBy(() -> travellers.add(7, new IdentityInput("CN_ID", ID, "", null)))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST));
        Travellers.Traveller t = travellers.add(7, new IdentityInput("CN_ID", ID, "张三", null));
        assertThatThrownBy(() -> travellers.add(7, new IdentityInput("CN_ID", ID.toLowerCase(), "张三", null)))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        assertThatThrownBy(() -> travellers.delete(8, t.id()))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        assertThatThrownBy(() -> travellers.identity(8, t.id())).isInstanceOf(ServiceException.class);
        travellers.delete(7, t.id());
        assertThat(travellers.list(7)).isEmpty();
    }
}
