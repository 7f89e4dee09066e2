package org.queqiao.media.sdp;

/** A session description we cannot accept; the message says which line or what is missing. */
public final class SdpException extends RuntimeException {
    public SdpException(String message) { super(message); }
}
