package org.queqiao.media.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import org.junit.jupiter.api.Test;

class DeliveredRateTest {
    private final TransportSequence sequence = new TransportSequence(3, 111, 0);
    private final DeliveredRate rate = new DeliveredRate(sequence);
    private final byte[] out = new byte[2048];

    /** Sends a packet of {@code payload} bytes at {@code micros}; returns its number. */
    private int send(int payload, long micros) {
        byte[] p = rtp().payloadType(96).payload(new byte[payload]).build();
        sequence.stamp(p, 0, p.length, out, micros * 1_000);
        return (int) (micros / 10_000) & 0xFFFF; // one packet every 10 ms from 0: the number is the index
    }

    @Test
    void countsWhatArrivedOverTheLastSecondOfArrivalsNotWhatWasSent() {
        // 100 packets a second of 1,000 bytes on the wire (12 header + 8 numbering + 980); every other one dropped
        for (long t = 0; t < 3_000_000; t += 10_000) {
            int number = send(980, t);
            if (number % 2 == 0) rate.received(number, 5_000_000_000L + t + 30_000); // the receiver's clock, 30 ms later
            else rate.lost(number);
        }
        // 50 a second arrived: 400 kbit/s (the current 100 ms slot partly filled: a little under)
        assertThat(rate.bitsPerSecond()).isBetween(360_000L, 400_000L);
    }

    @Test
    void unknownBeforeASecondOfArrivals() {
        for (long t = 0; t < 500_000; t += 10_000) rate.received(send(980, t), t);
        assertThat(rate.bitsPerSecond()).isEqualTo(-1);
        rate.received(12345, 2_000_000); // a number never sent counts for nothing
        assertThat(rate.bitsPerSecond()).isEqualTo(-1);
    }
}
