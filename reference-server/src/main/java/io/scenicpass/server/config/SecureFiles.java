package io.scenicpass.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Owner-only files of the data directory: the admin token, the key passphrase and key files, demo.json and the H2
 * database. Ours are created 0600 (directories 0700) atomically; H2's are tightened right after H2 creates them
 * (inside the 0700 data directory); an existing one open to group or others stops the start-up. File systems without
 * POSIX permissions are left alone.
 */
public final class SecureFiles {
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    /** Existing files open to group or others; the message is one line naming them and the chmod that fixes it. */
    public static final class ExposedException extends IllegalStateException {
        ExposedException(String message) {
            super(message);
        }
    }

    private SecureFiles() {}

    /** Creates {@code dir} 0700 when missing (its parents with the default mode); an existing one is left as is. */
    public static void ownerOnlyDirectory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return;
            }
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            if (posix(dir.getParent())) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // created meanwhile (another node on the same directory): checked like any existing one
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir, e);
        }
    }

    /** Writes {@code content} to {@code f}: a temporary file created 0600 beside it, then moved over it atomically. */
    public static void writeOwnerOnly(Path f, byte[] content) {
        Path dir = f.toAbsolutePath().getParent();
        try {
            Path tmp = posix(dir)
                    ? Files.createTempFile(
                            dir, f.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                    : Files.createTempFile(dir, f.getFileName() + ".", ".tmp");
            try {
                Files.write(tmp, content);
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    /**
     * Takes group and others' permissions off files a library created with the process umask (H2's database, trace
     * and lock files); inside the 0700 data directory nobody else could reach them in between.
     */
    public static void restrict(List<Path> files) {
        for (Path f : files) {
            try {
                if (Files.isRegularFile(f) && posix(f)) {
                    Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
                    if (p.removeAll(GROUP_OR_OTHERS)) {
                        Files.setPosixFilePermissions(f, p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restrict the permissions of " + f, e);
            }
        }
    }

    /** Throws {@link ExposedException} when any of these existing paths is open to group or others. */
    public static void requireOwnerOnly(List<Path> paths) {
        List<String> exposed = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        for (Path p : paths) {
            try {
                if (!Files.exists(p) || !posix(p)) {
                    continue;
                }
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (perms.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                    exposed.add(p + " (" + PosixFilePermissions.toString(perms) + ")");
                    fixes.add("chmod " + (Files.isDirectory(p) ? "700 " : "600 ") + p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the permissions of " + p, e);
            }
        }
        if (!exposed.isEmpty()) {
            throw new ExposedException("refusing to start: secrets readable or writable by other users: "
                    + String.join(", ", exposed) + "; fix with: " + String.join(" && ", fixes));
        }
    }

    /**
     * The owner-only paths of a data directory that exist: the directory, {@code keys/} and every file in it,
     * {@code admin-token}, {@code demo.json} and the H2 database {@code <name>.mv.db}.
     */
    public static List<Path> secretsOf(Path dataDir, String h2Name) {
        List<Path> out = new ArrayList<>(List.of(
                dataDir,
                dataDir.resolve("admin-token"),
                dataDir.resolve("demo.json"),
                dataDir.resolve(h2Name + ".mv.db")));
        Path keys = dataDir.resolve("keys");
        out.add(keys);
        out.addAll(list(keys, "*"));
        return out;
    }

    /** The files of H2 database {@code name} in {@code dir} ({@code name.mv.db}, {@code .trace.db}, {@code .lock.db} …). */
    public static List<Path> h2Files(Path dir, String name) {
        return list(dir, name + ".*");
    }

    private static List<Path> list(Path dir, String glob) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }

    private static boolean posix(Path p) {
        return p != null && Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }
}
