package io.scenicpass.terminal.internal.sync;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a device secret (credentials, a delegated private key) readable and writable by the owner only
 * ({@code rw-------} where the file system supports POSIX permissions), atomically: temporary file, fsync, rename, so
 * a power cut leaves either the old or the new content.
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private OwnerOnlyFiles() {}

    /**
     * @param file the file to replace (its directory is created when missing)
     * @param content the new content
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        createOwnerOnly(tmp);
        Files.write(tmp, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void createOwnerOnly(Path p) throws IOException {
        try {
            Files.createFile(p, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(p); // non-POSIX file system: rely on the directory's access control
            p.toFile().setReadable(false, false);
            p.toFile().setReadable(true, true);
            p.toFile().setWritable(false, false);
            p.toFile().setWritable(true, true);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("temporary file appeared concurrently: " + p, e);
        }
    }
}
