package org.queqiao.media.stun;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Writes a STUN message into the caller's array: header, attributes (padded to four bytes), then
 * MESSAGE-INTEGRITY and FINGERPRINT, which must come last and in that order. The header's length field
 * is kept current after every attribute, as the two hashes need.
 */
public final class StunMessageWriter {
    private final byte[] buf;
    private final int start;
    private final byte[] transactionId;
    private int pos;

    public StunMessageWriter(byte[] buf, int off, int type, byte[] transactionId) {
        if (transactionId.length != 12) throw new IllegalArgumentException("transaction ID must be 12 bytes");
        this.buf = buf;
        this.start = off;
        this.transactionId = transactionId.clone();
        Stun.put16(buf, off, type);
        Stun.put32(buf, off + 4, Stun.MAGIC_COOKIE);
        System.arraycopy(transactionId, 0, buf, off + 8, 12);
        this.pos = off + Stun.HEADER_LENGTH;
        updateLength();
    }

    public StunMessageWriter attribute(int type, byte[] value) {
        Stun.put16(buf, pos, type);
        Stun.put16(buf, pos + 2, value.length);
        System.arraycopy(value, 0, buf, pos + 4, value.length);
        return advance(value.length);
    }

    public StunMessageWriter username(String username) {
        return attribute(Stun.ATTR_USERNAME, username.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageWriter intAttribute(int type, int value) {
        Stun.put16(buf, pos, type);
        Stun.put16(buf, pos + 2, 4);
        Stun.put32(buf, pos + 4, value);
        return advance(4);
    }

    /** ICE-CONTROLLING or ICE-CONTROLLED with its 64-bit tie-breaker. */
    public StunMessageWriter tieBreaker(int type, long tieBreaker) {
        Stun.put16(buf, pos, type);
        Stun.put16(buf, pos + 2, 8);
        Stun.put32(buf, pos + 4, (int) (tieBreaker >>> 32));
        Stun.put32(buf, pos + 8, (int) tieBreaker);
        return advance(8);
    }

    public StunMessageWriter flag(int type) {
        Stun.put16(buf, pos, type);
        Stun.put16(buf, pos + 2, 0);
        return advance(0);
    }

    public StunMessageWriter xorMappedAddress(InetSocketAddress address) {
        Stun.put16(buf, pos, Stun.ATTR_XOR_MAPPED_ADDRESS);
        int len = XorMappedAddress.encode(address, buf, pos + 4, transactionId);
        Stun.put16(buf, pos + 2, len);
        return advance(len);
    }

    public StunMessageWriter errorCode(int code, String reason) {
        byte[] phrase = reason.getBytes(StandardCharsets.UTF_8);
        Stun.put16(buf, pos, Stun.ATTR_ERROR_CODE);
        Stun.put16(buf, pos + 2, 4 + phrase.length);
        Stun.put16(buf, pos + 4, 0);
        buf[pos + 6] = (byte) (code / 100);
        buf[pos + 7] = (byte) (code % 100);
        System.arraycopy(phrase, 0, buf, pos + 8, phrase.length);
        return advance(4 + phrase.length);
    }

    public StunMessageWriter messageIntegrity(byte[] key) {
        int at = pos - start;
        Stun.put16(buf, pos, Stun.ATTR_MESSAGE_INTEGRITY);
        Stun.put16(buf, pos + 2, Stun.MESSAGE_INTEGRITY_LENGTH);
        byte[] mac = StunHashes.messageIntegrity(key, buf, start, at);
        System.arraycopy(mac, 0, buf, pos + 4, mac.length);
        return advance(Stun.MESSAGE_INTEGRITY_LENGTH);
    }

    public StunMessageWriter fingerprint() {
        int at = pos - start;
        Stun.put16(buf, pos, Stun.ATTR_FINGERPRINT);
        Stun.put16(buf, pos + 2, 4);
        Stun.put32(buf, pos + 4, StunHashes.fingerprint(buf, start, at));
        return advance(4);
    }

    /** Total length written so far, header included. */
    public int length() { return pos - start; }

    private StunMessageWriter advance(int valueLength) {
        int padded = Stun.padded(valueLength);
        for (int i = valueLength; i < padded; i++) buf[pos + 4 + i] = 0;
        pos += 4 + padded;
        updateLength();
        return this;
    }

    private void updateLength() {
        Stun.put16(buf, start + 2, pos - start - Stun.HEADER_LENGTH);
    }
}
