package org.queqiao.media.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A STUN message checked for structure, read in place from the caller's array (valid while that array is
 * not reused). {@link #parse} never throws: anything truncated, mis-sized, without the magic cookie, with
 * attributes that overrun, or with attributes after MESSAGE-INTEGRITY other than a final FINGERPRINT,
 * gives null.
 */
public final class StunMessage {
    private final byte[] buf;
    private final int off;
    private final int len;

    private StunMessage(byte[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
    }

    public static StunMessage parse(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < Stun.HEADER_LENGTH || off + len > buf.length) return null;
        if ((buf[off] & 0xc0) != 0) return null;
        int bodyLength = Stun.u16(buf, off + 2);
        if (bodyLength + Stun.HEADER_LENGTH != len || (bodyLength & 3) != 0) return null;
        if (Stun.u32(buf, off + 4) != Stun.MAGIC_COOKIE) return null;
        boolean afterIntegrity = false;
        boolean afterFingerprint = false;
        for (int at = off + Stun.HEADER_LENGTH; at < off + len; ) {
            if (afterFingerprint || off + len - at < 4) return null;
            int type = Stun.u16(buf, at);
            int valueLength = Stun.u16(buf, at + 2);
            if (at + 4 + Stun.padded(valueLength) > off + len) return null;
            if (afterIntegrity && type != Stun.ATTR_FINGERPRINT) return null;
            if (type == Stun.ATTR_MESSAGE_INTEGRITY) {
                if (valueLength != Stun.MESSAGE_INTEGRITY_LENGTH) return null;
                afterIntegrity = true;
            } else if (type == Stun.ATTR_FINGERPRINT) {
                if (valueLength != 4) return null;
                afterFingerprint = true;
            }
            at += 4 + Stun.padded(valueLength);
        }
        return new StunMessage(buf, off, len);
    }

    /** Method and class, e.g. {@link Stun#BINDING_REQUEST}. */
    public int type() { return Stun.u16(buf, off); }

    public byte[] transactionId() { return Arrays.copyOfRange(buf, off + 8, off + 20); }

    /** Offset in the array of the attribute's header (value at +4), or -1. The first occurrence counts. */
    public int findAttribute(int type) {
        for (int at = off + Stun.HEADER_LENGTH; at < off + len; at += 4 + Stun.padded(Stun.u16(buf, at + 2))) {
            if (Stun.u16(buf, at) == type) return at;
        }
        return -1;
    }

    public boolean has(int attributeType) { return findAttribute(attributeType) >= 0; }

    /** The USERNAME value, or null. */
    public String username() {
        int at = findAttribute(Stun.ATTR_USERNAME);
        return at < 0 ? null : new String(buf, at + 4, Stun.u16(buf, at + 2), StandardCharsets.UTF_8);
    }

    /** The 32-bit value of a 4-byte attribute (PRIORITY), or the given default. */
    public int intAttribute(int type, int absent) {
        int at = findAttribute(type);
        return at < 0 || Stun.u16(buf, at + 2) != 4 ? absent : Stun.u32(buf, at + 4);
    }

    /** The error code (e.g. 401) of an error response, or -1. */
    public int errorCode() {
        int at = findAttribute(Stun.ATTR_ERROR_CODE);
        if (at < 0 || Stun.u16(buf, at + 2) < 4) return -1;
        return (buf[at + 6] & 0x07) * 100 + (buf[at + 7] & 0xff);
    }

    /** True when MESSAGE-INTEGRITY is present and is the HMAC-SHA1 of the message under this key. */
    public boolean hasValidIntegrity(byte[] key) {
        int at = findAttribute(Stun.ATTR_MESSAGE_INTEGRITY);
        if (at < 0) return false;
        byte[] expected = StunHashes.messageIntegrity(key, buf, off, at - off);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(buf, at + 4, at + 4 + Stun.MESSAGE_INTEGRITY_LENGTH));
    }

    /** True when FINGERPRINT is present (parse made sure it is last) and matches. */
    public boolean hasValidFingerprint() {
        int at = findAttribute(Stun.ATTR_FINGERPRINT);
        return at >= 0 && Stun.u32(buf, at + 4) == StunHashes.fingerprint(buf, off, at - off);
    }

    /** The address in XOR-MAPPED-ADDRESS, or null. */
    public java.net.InetSocketAddress xorMappedAddress() {
        int at = findAttribute(Stun.ATTR_XOR_MAPPED_ADDRESS);
        return at < 0 ? null : XorMappedAddress.decode(buf, at + 4, Stun.u16(buf, at + 2), buf, off + 8);
    }
}
