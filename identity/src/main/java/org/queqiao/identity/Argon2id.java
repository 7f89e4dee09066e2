package org.queqiao.identity;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2id, version 1.3 (RFC 9106), over one reusable block of memory per thread.
 *
 * <p>Why not BouncyCastle's generator: it allocates a fresh array for each of the ~19,000 blocks on
 * every hash. At the OWASP cost (19 MiB) that is 19 MiB of short-lived objects per login, and the
 * collector's work nearly doubled the CPU per login here (33 ms with ParallelGC, 54 ms with ZGC),
 * which capped sign-in throughput. This implementation fills a {@code long[]} that each hashing
 * thread keeps, and uses BouncyCastle only for BLAKE2b. It is checked against the RFC 9106 test
 * vector and against BouncyCastle on random inputs ({@code Argon2idTest}).
 */
final class Argon2id {
    private static final int BLOCK_LONGS = 128;
    private static final int SYNC_POINTS = 4;
    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;
    private static final ThreadLocal<long[]> MEMORY = new ThreadLocal<>();

    private final long[] r = new long[BLOCK_LONGS];
    private final long[] tmp = new long[BLOCK_LONGS];
    private final long[] zero = new long[BLOCK_LONGS];
    private final long[] input = new long[BLOCK_LONGS];
    private final long[] address = new long[BLOCK_LONGS];
    private long[] memory;
    private int lanes;
    private int laneLength;
    private int segmentLength;
    private int passes;

    /** The tag of {@code password} (secret key and associated data empty). */
    static byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int tagLength) {
        return new Argon2id().compute(password, salt, new byte[0], new byte[0], memoryKib, iterations, parallelism, tagLength);
    }

    byte[] compute(byte[] password, byte[] salt, byte[] secret, byte[] associated, int memoryKib, int iterations, int parallelism, int tagLength) {
        lanes = parallelism;
        passes = iterations;
        int blocks = Math.max(memoryKib, 2 * SYNC_POINTS * parallelism);
        blocks -= blocks % (SYNC_POINTS * parallelism);
        laneLength = blocks / parallelism;
        segmentLength = laneLength / SYNC_POINTS;
        memory = MEMORY.get();
        if (memory == null || memory.length < blocks * BLOCK_LONGS) {
            memory = new long[blocks * BLOCK_LONGS];
            MEMORY.set(memory);
        }
        byte[] h0 = initialHash(password, salt, secret, associated, memoryKib, iterations, parallelism, tagLength);
        firstBlocks(h0);
        for (int pass = 0; pass < passes; pass++) {
            for (int slice = 0; slice < SYNC_POINTS; slice++) {
                for (int lane = 0; lane < lanes; lane++) fillSegment(pass, lane, slice);
            }
        }
        long[] last = new long[BLOCK_LONGS];
        System.arraycopy(memory, (laneLength - 1) * BLOCK_LONGS, last, 0, BLOCK_LONGS);
        for (int lane = 1; lane < lanes; lane++) {
            int off = (lane * laneLength + laneLength - 1) * BLOCK_LONGS;
            for (int i = 0; i < BLOCK_LONGS; i++) last[i] ^= memory[off + i];
        }
        return variableHash(toBytes(last), tagLength);
    }

    private static byte[] initialHash(byte[] password, byte[] salt, byte[] secret, byte[] associated, int m, int t, int p, int tagLength) {
        Blake2bDigest d = new Blake2bDigest(512);
        int[] params = {p, tagLength, m, t, VERSION, TYPE_ID};
        for (int v : params) updateInt(d, v);
        for (byte[] field : new byte[][]{password, salt, secret, associated}) {
            updateInt(d, field.length);
            d.update(field, 0, field.length);
        }
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out;
    }

    private void firstBlocks(byte[] h0) {
        byte[] seed = new byte[72];
        System.arraycopy(h0, 0, seed, 0, 64);
        for (int lane = 0; lane < lanes; lane++) {
            putInt(seed, 68, lane);
            for (int j = 0; j < 2; j++) {
                putInt(seed, 64, j);
                byte[] block = variableHash(seed, 1024);
                int off = (lane * laneLength + j) * BLOCK_LONGS;
                for (int i = 0; i < BLOCK_LONGS; i++) memory[off + i] = getLong(block, i * 8);
            }
        }
    }

    private void fillSegment(int pass, int lane, int slice) {
        boolean independent = pass == 0 && slice < SYNC_POINTS / 2;
        if (independent) {
            java.util.Arrays.fill(input, 0);
            input[0] = pass;
            input[1] = lane;
            input[2] = slice;
            input[3] = (long) laneLength * lanes;
            input[4] = passes;
            input[5] = TYPE_ID;
        }
        int start = 0;
        if (pass == 0 && slice == 0) {
            start = 2;
            if (independent) nextAddresses();
        }
        int curr = lane * laneLength + slice * segmentLength + start;
        int prev = curr % laneLength == 0 ? curr + laneLength - 1 : curr - 1;
        for (int i = start; i < segmentLength; i++, curr++, prev++) {
            if (curr % laneLength == 1) prev = curr - 1;
            long pseudo;
            if (independent) {
                if (i % BLOCK_LONGS == 0) nextAddresses();
                pseudo = address[i % BLOCK_LONGS];
            } else {
                pseudo = memory[prev * BLOCK_LONGS];
            }
            int refLane = (pass == 0 && slice == 0) ? lane : (int) ((pseudo >>> 32) % lanes);
            int refIndex = referenceIndex(pass, slice, i, pseudo & 0xFFFFFFFFL, refLane == lane);
            fillBlock(prev * BLOCK_LONGS, (refLane * laneLength + refIndex) * BLOCK_LONGS, curr * BLOCK_LONGS, pass > 0);
        }
    }

    /** RFC 9106 section 3.4.1.2: maps J1 onto the blocks this position may reference. */
    private int referenceIndex(int pass, int slice, int index, long j1, boolean sameLane) {
        long area;
        if (pass == 0) {
            if (slice == 0) area = index - 1;
            else if (sameLane) area = (long) slice * segmentLength + index - 1;
            else area = (long) slice * segmentLength + (index == 0 ? -1 : 0);
        } else {
            if (sameLane) area = laneLength - segmentLength + index - 1;
            else area = laneLength - segmentLength + (index == 0 ? -1 : 0);
        }
        long x = (j1 * j1) >>> 32;
        long relative = area - 1 - ((area * x) >>> 32);
        long startPosition = (pass != 0 && slice != SYNC_POINTS - 1) ? (long) (slice + 1) * segmentLength : 0;
        return (int) ((startPosition + relative) % laneLength);
    }

    private void nextAddresses() {
        input[6]++;
        compress(zero, 0, input, 0, address);
        compress(zero, 0, address, 0, address);
    }

    /** next = G(prev, ref), XORed into the old next block after the first pass (version 1.3). */
    private void fillBlock(int prevOff, int refOff, int nextOff, boolean xorOld) {
        long[] m = memory;
        for (int i = 0; i < BLOCK_LONGS; i++) {
            long v = m[prevOff + i] ^ m[refOff + i];
            r[i] = v;
            tmp[i] = xorOld ? v ^ m[nextOff + i] : v;
        }
        permute();
        for (int i = 0; i < BLOCK_LONGS; i++) m[nextOff + i] = tmp[i] ^ r[i];
    }

    /** out = G(x, y) for the address blocks (out may be y). */
    private void compress(long[] x, int xOff, long[] y, int yOff, long[] out) {
        for (int i = 0; i < BLOCK_LONGS; i++) {
            r[i] = x[xOff + i] ^ y[yOff + i];
            tmp[i] = r[i];
        }
        permute();
        for (int i = 0; i < BLOCK_LONGS; i++) out[i] = tmp[i] ^ r[i];
    }

    /** P on each row of eight 16-byte registers, then on each column. */
    private void permute() {
        for (int i = 0; i < 8; i++) {
            int b = 16 * i;
            round(b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11, b + 12, b + 13, b + 14, b + 15);
        }
        for (int i = 0; i < 8; i++) {
            int b = 2 * i;
            round(b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80, b + 81, b + 96, b + 97, b + 112, b + 113);
        }
    }

    private void round(int v0, int v1, int v2, int v3, int v4, int v5, int v6, int v7,
                       int v8, int v9, int v10, int v11, int v12, int v13, int v14, int v15) {
        mix(v0, v4, v8, v12);
        mix(v1, v5, v9, v13);
        mix(v2, v6, v10, v14);
        mix(v3, v7, v11, v15);
        mix(v0, v5, v10, v15);
        mix(v1, v6, v11, v12);
        mix(v2, v7, v8, v13);
        mix(v3, v4, v9, v14);
    }

    /** BLAKE2b's G with BlaMka's multiplications (RFC 9106 section 3.6). */
    private void mix(int a, int b, int c, int d) {
        long[] v = r;
        long va = v[a], vb = v[b], vc = v[c], vd = v[d];
        va = va + vb + 2 * (va & 0xFFFFFFFFL) * (vb & 0xFFFFFFFFL);
        vd = Long.rotateRight(vd ^ va, 32);
        vc = vc + vd + 2 * (vc & 0xFFFFFFFFL) * (vd & 0xFFFFFFFFL);
        vb = Long.rotateRight(vb ^ vc, 24);
        va = va + vb + 2 * (va & 0xFFFFFFFFL) * (vb & 0xFFFFFFFFL);
        vd = Long.rotateRight(vd ^ va, 16);
        vc = vc + vd + 2 * (vc & 0xFFFFFFFFL) * (vd & 0xFFFFFFFFL);
        vb = Long.rotateRight(vb ^ vc, 63);
        v[a] = va;
        v[b] = vb;
        v[c] = vc;
        v[d] = vd;
    }

    /** H' of RFC 9106 section 3.3: BLAKE2b stretched to any output length. */
    static byte[] variableHash(byte[] x, int length) {
        byte[] out = new byte[length];
        byte[] len = new byte[4];
        putInt(len, 0, length);
        if (length <= 64) {
            Blake2bDigest d = new Blake2bDigest(length * 8);
            d.update(len, 0, 4);
            d.update(x, 0, x.length);
            d.doFinal(out, 0);
            return out;
        }
        Blake2bDigest d = new Blake2bDigest(512);
        byte[] v = new byte[64];
        d.update(len, 0, 4);
        d.update(x, 0, x.length);
        d.doFinal(v, 0);
        int rounds = (length + 31) / 32 - 2;
        int pos = 0;
        for (int i = 0; i < rounds; i++) {
            System.arraycopy(v, 0, out, pos, 32);
            pos += 32;
            if (i + 1 < rounds) {
                d.update(v, 0, 64);
                d.doFinal(v, 0);
            }
        }
        Blake2bDigest lastDigest = new Blake2bDigest((length - 32 * rounds) * 8);
        lastDigest.update(v, 0, 64);
        lastDigest.doFinal(out, pos);
        return out;
    }

    private static void updateInt(Blake2bDigest d, int v) {
        byte[] b = new byte[4];
        putInt(b, 0, v);
        d.update(b, 0, 4);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    private static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xFFL);
        return v;
    }

    private static byte[] toBytes(long[] block) {
        byte[] out = new byte[block.length * 8];
        for (int i = 0; i < block.length; i++) {
            long v = block[i];
            for (int j = 0; j < 8; j++) out[i * 8 + j] = (byte) (v >>> (8 * j));
        }
        return out;
    }
}
