package io.pylon.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets Pylon makes for itself on first start (token key, payment gateway secret), kept in the data
 * directory so a fresh clone needs no setup and no secret lives in source.
 */
public final class SecretFiles {

    private SecretFiles() {}

    /**
     * The secret in {@code file}, or 256 new random bits written there as Base64 text. On POSIX file systems the
     * file is created owner-only, so it is never readable by others, not even between creation and writing.
     */
    public static String loadOrCreate(Path file, String what) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getEncoder().encodeToString(random);
            createOwnerOnly(file);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            return secret;
        } catch (FileAlreadyExistsException raced) {
            return loadOrCreate(file, what);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + what + " " + file, e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file); // e.g. Windows: the directory's ACL applies
        }
    }
}
