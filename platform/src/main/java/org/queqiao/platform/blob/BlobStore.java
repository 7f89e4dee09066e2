package org.queqiao.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed file storage: a blob is named by the SHA-256 of its bytes, so the same file
 * uploaded twice is stored once and a name can never point at different content. Who may read a
 * blob is decided by the caller (e.g. only members of a conversation that references it).
 */
public interface BlobStore {
    /**
     * Reads {@code in} to its end, at most {@code maxBytes}.
     *
     * @throws TooLargeException when the stream holds more than {@code maxBytes}; nothing is kept
     */
    Blob put(InputStream in, long maxBytes) throws IOException;

    /** The blob's bytes, or empty if no blob has this hash. */
    Optional<InputStream> open(String sha256) throws IOException;

    /** A stored blob: its SHA-256 (lowercase hex) and size. */
    record Blob(String sha256, long size) {}

    final class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("larger than " + maxBytes + " bytes");
        }
    }
}
