package org.queqiao.media.sdp;

/** The {@code a=sendrecv|sendonly|recvonly|inactive} of an m-section, from the writer's point of view. */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    public boolean sends() { return this == SENDRECV || this == SENDONLY; }

    public String attribute() { return name().toLowerCase(java.util.Locale.ROOT); }
}
