package org.queqiao.bench;

import java.nio.ByteBuffer;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What one SRTP AES-GCM protect costs on this JDK, taken apart, to choose how the SFU encrypts:
 * {@code java -cp … org.queqiao.bench.GcmBench [payloadBytes=1180] [seconds per variant=3]}.
 * Variants: the JCE GCM as {@code AesGcmTransform} uses it (init with a fresh IV per packet, in place on a
 * heap array); the same into a direct buffer (what the socket sends from); {@code Cipher.init} alone; and
 * AES-CTR of the same length (the bulk cipher without GHASH: a lower bound for any GCM on the JCE).
 * Plain loops, no JMH (not in the offline repository): each variant runs a warm-up of the same length first.
 */
public final class GcmBench {
    private static final int HEADER = 12;
    private static final int TAG = 16;

    private interface Op { void run(int i) throws Exception; }

    public static void main(String[] args) throws Exception {
        int payload = args.length > 0 ? Integer.parseInt(args[0]) : 1180;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        byte[] iv = new byte[12];
        byte[] buf = new byte[HEADER + payload + TAG];
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ByteBuffer direct = ByteBuffer.allocateDirect(buf.length);
        ByteBuffer heapIn = ByteBuffer.wrap(buf);

        run("jce-gcm in place (current)", seconds, i -> {
            putSeq(iv, i);
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            gcm.updateAAD(buf, 0, HEADER);
            gcm.doFinal(buf, HEADER, payload, buf, HEADER);
        });
        run("jce-gcm heap -> direct buffer", seconds, i -> {
            putSeq(iv, i);
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            gcm.updateAAD(buf, 0, HEADER);
            direct.clear().position(HEADER);
            heapIn.limit(HEADER + payload).position(HEADER);
            gcm.doFinal(heapIn, direct);
        });
        run("jce-gcm init only", seconds, i -> {
            putSeq(iv, i);
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        });
        byte[] ctrIv = new byte[16];
        run("jce-ctr init + update (no GHASH)", seconds, i -> {
            putSeq(ctrIv, i);
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(ctrIv));
            ctr.doFinal(buf, HEADER, payload, buf, HEADER);
        });
    }

    private static void putSeq(byte[] iv, int i) {
        iv[8] = (byte) (i >>> 24);
        iv[9] = (byte) (i >>> 16);
        iv[10] = (byte) (i >>> 8);
        iv[11] = (byte) i;
    }

    private static void run(String name, double seconds, Op op) throws Exception {
        int i = 0;
        for (int round = 0; round < 2; round++) { // round 0 warms up
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            long n = 0;
            while (System.nanoTime() < end) {
                for (int k = 0; k < 1000; k++) op.run(i++);
                n += 1000;
            }
            if (round == 1) System.out.printf("%-36s %8.3f µs/op%n", name, (System.nanoTime() - start) / 1e3 / n);
        }
    }
}
