package org.queqiao.media.sfu;

import java.time.Duration;

/**
 * @param advertisedAddress the address browsers reach the media port at (the host candidate in SDP)
 * @param maxBitrate        the estimate we send publishers in REMB: their video is capped at this (bit/s)
 * @param nackInterval      how often missing packets from publishers are asked for again
 * @param reportInterval    how often publishers get receiver reports and REMB
 * @param keyframeInterval  at most one keyframe request per published stream in this time
 */
public record RouterSettings(String advertisedAddress, long maxBitrate, Duration nackInterval,
                             Duration reportInterval, Duration keyframeInterval) {

    public static RouterSettings defaults(String advertisedAddress) {
        return new RouterSettings(advertisedAddress, 2_500_000, Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofMillis(500));
    }
}
