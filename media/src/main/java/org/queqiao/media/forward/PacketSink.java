package org.queqiao.media.forward;

/**
 * Receives packets a stage produces (RTX retransmissions, say). The bytes are only valid during the call:
 * the stage reuses its buffer for the next packet, so a sink sends or copies before returning.
 */
@FunctionalInterface
public interface PacketSink {
    void accept(byte[] buf, int off, int len);
}
