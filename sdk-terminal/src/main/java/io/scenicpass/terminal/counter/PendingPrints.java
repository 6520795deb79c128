package io.scenicpass.terminal.counter;

import io.scenicpass.terminal.device.TicketLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The paper of paid sales waiting for the printer, oldest first, and the sales already queued (a sale is printed
 * once). With a file, what waits survives a restart: one line {@code <saleId> <piece>} per piece of paper (the
 * piece's index in {@link SaleTickets#all}); the sale itself is fetched again from the server. Not thread-safe: the
 * {@link Counter} holds its lock.
 */
final class PendingPrints {
    /** Sales remembered as printed or queued; older ones are forgotten (a kiosk sells far fewer in a day). */
    private static final int REMEMBERED = 10_000;

    /** One piece of paper. */
    static final class Job {
        final String saleId;
        final int piece;
        final TicketLayout layout;

        Job(String saleId, int piece, TicketLayout layout) {
            this.saleId = saleId;
            this.piece = piece;
            this.layout = layout;
        }
    }

    private final Path file;
    private final Deque<Job> jobs = new ArrayDeque<>();
    private final Set<String> queued = new LinkedHashSet<>();
    /** Pieces read from the file whose sale is not fetched yet: sale id → piece indices. */
    private final Map<String, List<Integer>> restored = new LinkedHashMap<>();

    PendingPrints(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            load();
        }
    }

    /** Queues every piece of a sale not queued before; false when it was. */
    boolean enqueue(String saleId, List<TicketLayout> pieces) {
        return enqueue(saleId, pieces, null);
    }

    /** Queues the restored pieces of a fetched sale (all of them when the file named none). */
    void enqueueRestored(String saleId, List<TicketLayout> pieces) {
        List<Integer> which = restored.remove(saleId);
        queued.remove(saleId);
        enqueue(saleId, pieces, which);
    }

    private boolean enqueue(String saleId, List<TicketLayout> pieces, List<Integer> only) {
        if (!queued.add(saleId)) {
            return false;
        }
        if (queued.size() > REMEMBERED) {
            queued.remove(queued.iterator().next());
        }
        for (int i = 0; i < pieces.size(); i++) {
            if (only == null || only.contains(i)) {
                jobs.addLast(new Job(saleId, i, pieces.get(i)));
            }
        }
        save();
        return true;
    }

    /** The sales read from the file whose paper is not laid out yet. */
    Set<String> restoredSales() {
        return new LinkedHashSet<>(restored.keySet());
    }

    Job peek() {
        return jobs.peekFirst();
    }

    void printed() {
        jobs.removeFirst();
        save();
    }

    /** Pieces waiting (restored ones not yet fetched included). */
    int size() {
        int n = jobs.size();
        for (List<Integer> p : restored.values()) {
            n += p.size();
        }
        return n;
    }

    List<String> sales() {
        Set<String> ids = new LinkedHashSet<>(restored.keySet());
        for (Job j : jobs) {
            ids.add(j.saleId);
        }
        return new ArrayList<>(ids);
    }

    private void load() {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split(" ");
                if (f.length == 2) {
                    try {
                        String id = UUID.fromString(f[0]).toString();
                        restored.computeIfAbsent(id, k -> new ArrayList<>()).add(Integer.parseInt(f[1]));
                        queued.add(id);
                    } catch (IllegalArgumentException torn) {
                        // a line cut by a crash before the rename cannot be: the file is replaced whole
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pending prints " + file, e);
        }
    }

    /** Replaces the file whole (temporary file, then rename), so a crash leaves the old or the new list. */
    private void save() {
        if (file == null) {
            return;
        }
        StringBuilder b = new StringBuilder();
        restored.forEach((id, pieces) ->
                pieces.forEach(p -> b.append(id).append(' ').append(p).append('\n')));
        for (Job j : jobs) {
            b.append(j.saleId).append(' ').append(j.piece).append('\n');
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.write(tmp, b.toString().getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pending prints " + file, e);
        }
    }
}
