package org.queqiao.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blobs as files under a directory ({@code data.dir/files}), fanned out by the first bytes of the
 * hash ({@code ab/cd/abcd…}). A blob is written to a temporary file while it is hashed, forced to
 * disk, then moved into place atomically: a reader never sees half a file, and a crash leaves at most
 * a temporary file behind. In a cluster the directory must be shared storage.
 */
public final class FileSystemBlobStore implements BlobStore {
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;

    public FileSystemBlobStore(Path root) {
        this.root = root;
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the file store in " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Blob put(InputStream in, long maxBytes) throws IOException {
        Path tmp = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > maxBytes) throw new TooLargeException(maxBytes);
                    out.write(buf, 0, n);
                }
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = pathOf(hash);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                    // the same content arrived at the same moment: the first copy stands
                }
            }
            return new Blob(hash, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) throws IOException {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) return Optional.empty();
        Path p = pathOf(sha256);
        return Files.exists(p) ? Optional.of(Files.newInputStream(p)) : Optional.empty();
    }

    private Path pathOf(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
