package io.scenicpass.benchmarks.server;

import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.sales.http.OctoCommands;
import io.scenicpass.server.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hot-slot reservation throughput: every thread reserves one place in THE SAME slot, each call with a new random
 * UUID (v4) as its booking uuid, as OCTO resellers send them (an index over random keys is touched at a random
 * page per booking; until 2026-11-25 the benchmark used increasing uuids, which flattered H2 by about a third).
 *
 * <p>{@code reserve}: the server's whole reservation path without HTTP ({@code OctoCommands.reserve} then
 * {@code BookingService.reserve}: request hash, uuid check, cached catalogue/price/slot lookups, then the hold:
 * concurrent holds of the slot are combined by {@code HoldCombiner} into one conditional update plus the inserts
 * of all their bookings, unit items in the booking row — one statement on PostgreSQL, one transaction on H2; a hold
 * waits at most twice the slot's last batch, and at most 1 ms, for the company that batch showed). Floor, same
 * database, same pool, same run: {@code rawConditionalUpdate}, one auto-commit
 * {@code UPDATE slot SET held = held + 1 WHERE id = ? AND NOT closed AND held + sold + 1 <= capacity}.
 * The slot's capacity is 2 billion, so nothing sells out during the run. PostgreSQL 15 is started by the
 * benchmark ({@link PostgresServer}); H2 runs in file mode in a temp directory with the server's own default
 * URL (so both columns pay {@code WRITE_DELAY=0}: every commit is written to the file before it returns).
 * Run it at 4, 16 and 64 threads ({@code -t}): 64 stands for a server's many HTTP workers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class HotSlotBenchmark {
    static final String SLOT = "2026-06-02T10:00:00+08:00";

    @Param({"h2", "postgres"})
    public String db;

    ScenicPassServer server;
    Channel channel;
    DataSource ds;
    Path dir;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("sp-bench");
        server = BenchServer.start(db, dir);
        BenchServer.timedProduct(server, "hot", "Hot");
        channel = server.channels().create(new Channel("bench", "bench", "OTA", null, null, 100_000, 100_000, true));
        reserve(); // generates the day's slots
        ds = server.database().dataSource();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws java.io.IOException {
        server.close();
        BenchServer.deleteTree(dir);
    }

    @Benchmark
    public Object reserve() {
        return server.bookings()
                .reserve(
                        channel,
                        OctoCommands.reserve(new BookingReservationRequest()
                                .uuid(UUID.randomUUID().toString())
                                .productId("hot")
                                .optionId("hot-opt")
                                .availabilityId(SLOT)
                                .unitItems(List.of(new UnitItemRequest().unitId("hot-adult")))));
    }

    @Benchmark
    public int rawConditionalUpdate() throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE slot SET held = held + 1 WHERE id = ? AND NOT closed AND held + sold + 1 <= capacity")) {
            ps.setString(1, "hot-opt|" + SLOT);
            return ps.executeUpdate();
        }
    }
}
