package org.queqiao.media.srtp;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Prints what protect and unprotect cost per 1,200-byte packet, in time and allocated bytes. Not a timed
 * assertion and not run by default (surefire runs *Test and *IT): run it with -Dtest=SrtpCostMeasure.
 */
class SrtpCostMeasure {

    @Test
    void measure() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (SrtpProfile profile : SrtpProfile.values()) {
            byte[] material = new byte[profile.keyingMaterialLength()];
            new Random(1).nextBytes(material);
            var keys = SrtpMasterKeys.fromKeyingMaterial(profile, material);
            SrtpSender sender = keys.serverSender();
            SrtpReceiver receiver = keys.clientReceiver();
            byte[] plain = SrtpSenderReceiverTest.rtp(0, 1188);
            byte[] wire = new byte[1300];
            int seq = 0;
            for (int round = 0; round < 5; round++) {
                int n = 100_000;
                long protectNanos = 0, unprotectNanos = 0, protectBytes = 0, unprotectBytes = 0;
                for (int i = 0; i < n; i++, seq++) {
                    plain[2] = (byte) (seq >>> 8);
                    plain[3] = (byte) seq;
                    long a0 = threads.getCurrentThreadAllocatedBytes();
                    long t0 = System.nanoTime();
                    int len = sender.protectRtp(plain, 0, 1200, wire, 0);
                    long t1 = System.nanoTime();
                    long a1 = threads.getCurrentThreadAllocatedBytes();
                    if (receiver.unprotectRtp(wire, 0, len) != 1200) throw new AssertionError();
                    long t2 = System.nanoTime();
                    long a2 = threads.getCurrentThreadAllocatedBytes();
                    protectNanos += t1 - t0;
                    unprotectNanos += t2 - t1;
                    protectBytes += a1 - a0;
                    unprotectBytes += a2 - a1;
                }
                System.out.printf("%-24s protect %.2f µs %d B/packet, unprotect %.2f µs %d B/packet%n", profile,
                        protectNanos / 1e3 / n, protectBytes / n, unprotectNanos / 1e3 / n, unprotectBytes / n);
            }
        }
    }
}
