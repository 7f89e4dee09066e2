package org.queqiao.identity;


import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.queqiao.platform.problem.ProblemException;

/**
 * Argon2id ({@link Argon2id}) password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so the cost can be raised later and old
 * hashes still verify (and are re-hashed on the next login; see {@link #needsRehash}).
 */
public final class PasswordHasher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /**
     * Hashes run on a small pool of platform threads, one per core, never on the caller's virtual
     * thread: a 27 ms CPU-bound hash on a virtual thread holds its carrier, and with one carrier per
     * core a burst of logins would starve every other request (including the ones holding database
     * connections). Each hash also holds {@code memoryKib} of memory, so the queue is bounded: beyond
     * it a caller would wait longer than a person tolerates and is told at once to retry (load shedding).
     */
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final int MAX_QUEUE = 8 * CORES;
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(CORES, CORES, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUE), Thread.ofPlatform().daemon().name("argon2-", 0).factory(), new ThreadPoolExecutor.AbortPolicy());

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) throw new IllegalArgumentException("invalid Argon2 cost");
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] h = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
    }

    public boolean verify(String password, String phc) {
        if (phc == null) return false;
        String[] parts = phc.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) return false;
        int m = 0, t = 0, p = 0;
        for (String kv : parts[3].split(",")) {
            String[] pair = kv.split("=");
            int v = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> m = v;
                case "t" -> t = v;
                case "p" -> p = v;
                default -> { return false; }
            }
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = argon2(password, salt, m, t, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** True when the stored hash was made with a different cost than the configured one. */
    public boolean needsRehash(String phc) {
        return phc == null || !phc.contains("$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$");
    }

    /** Spends the same time as a real verification, so "no such account" cannot be told from "wrong password". */
    public void burn(String password) {
        argon2(password, new byte[SALT_BYTES], memoryKib, iterations, parallelism, HASH_BYTES);
    }

    private static byte[] argon2(String password, byte[] salt, int m, int t, int p, int len) {
        Future<byte[]> job;
        try {
            job = POOL.submit(() -> generate(password, salt, m, t, p, len));
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            return job.get();
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("password hashing failed", e.getCause());
        }
    }

    private static ProblemException busy() {
        return new ProblemException(503, "busy", "The server is busy checking passwords; try again in a moment", null,
                java.util.Map.of("retryAfterSeconds", 1));
    }

    private static byte[] generate(String password, byte[] salt, int m, int t, int p, int len) {
        return Argon2id.hash(password.getBytes(StandardCharsets.UTF_8), salt, m, t, p, len);
    }
}
