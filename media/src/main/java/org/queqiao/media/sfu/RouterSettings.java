package org.queqiao.media.sfu;

import java.time.Duration;

/**
 * @param advertisedAddress the address browsers reach the media port at (the host candidate in SDP)
 * @param maxBitrate        the estimate we send publishers in REMB: their video is capped at this (bit/s)
 * @param nackInterval      how often missing packets from publishers are asked for again
 * @param reportInterval    how often publishers get receiver reports and REMB
 * @param keyframeInterval  at most one keyframe request per published stream in this time
 * @param frameEndCopies    frames' last packets go twice to subscribers whose reports show loss (ADR 0009 §16), where
 *                          their transport-wide feedback can show the queue the copies would add to (§17); the
 *                          server's default is on, the short constructor's off
 */
public record RouterSettings(String advertisedAddress, long maxBitrate, Duration nackInterval,
                             Duration reportInterval, Duration keyframeInterval, boolean frameEndCopies) {

    public RouterSettings(String advertisedAddress, long maxBitrate, Duration nackInterval, Duration reportInterval, Duration keyframeInterval) {
        this(advertisedAddress, maxBitrate, nackInterval, reportInterval, keyframeInterval, false);
    }

    public static RouterSettings defaults(String advertisedAddress) {
        return new RouterSettings(advertisedAddress, 2_500_000, Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofMillis(500));
    }
}
