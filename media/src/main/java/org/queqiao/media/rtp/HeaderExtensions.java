package org.queqiao.media.rtp;

import java.util.Arrays;

/**
 * RTP header extension elements (RFC 8285): finding an element by its negotiated id and rewriting ids
 * in place. Both forms are handled:
 *
 * <ul>
 *   <li>one-byte (profile {@code 0xBEDE}, §4.2): a byte {@code ID(4) | L(4)} then L+1 data bytes, ids 1–14;
 *       id 15 stops the walk (its length field must be ignored);</li>
 *   <li>two-byte (profile {@code 0x100} + 4 "appbits", §4.3): a byte ID, a byte length, then that many
 *       data bytes, ids 1–255.</li>
 * </ul>
 *
 * In both forms a zero byte between or after elements is padding (§4.1); id 0 is reserved for it. Other profiles are opaque:
 * nothing is found in them and nothing is rewritten. The packet must have passed
 * {@link RtpPacket#isValid}; an element that runs past the extension block ends the walk (the elements
 * before it still count) and never causes an exception.
 */
public final class HeaderExtensions {
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    public static final int TWO_BYTE_PROFILE = 0x1000;
    /** Returned by {@link #find} when the element is absent. */
    public static final long NOT_FOUND = -1L;

    private HeaderExtensions() {}

    /** The extension block's "defined by profile" word, or -1 when the X bit is not set. */
    public static int profile(byte[] buf, int off) {
        if (!RtpPacket.hasExtension(buf, off)) {
            return -1;
        }
        return Bytes.u16(buf, off + RtpPacket.extensionOffset(buf, off));
    }

    public static boolean isOneByte(int profile) {
        return profile == ONE_BYTE_PROFILE;
    }

    public static boolean isTwoByte(int profile) {
        return (profile & 0xFFF0) == TWO_BYTE_PROFILE;
    }

    /**
     * Finds the first element with {@code id} and returns its location packed in a long: read it with
     * {@link #dataOffset(long)} (absolute offset in {@code buf}) and {@link #dataLength(long)}. Returns
     * {@link #NOT_FOUND} when the packet has no such element.
     */
    public static long find(byte[] buf, int off, int len, int id) {
        int profile = profile(buf, off);
        boolean oneByte = isOneByte(profile);
        if (!oneByte && !isTwoByte(profile)) {
            return NOT_FOUND;
        }
        int pos = off + RtpPacket.extensionOffset(buf, off) + 4;
        int end = off + RtpPacket.headerLength(buf, off);
        while (pos < end) {
            int first = buf[pos] & 0xFF;
            if (first == 0 || oneByte && first >>> 4 == 0) {
                pos++; // padding; like libwebrtc, an id-0 byte is one byte whatever its length bits say
                continue;
            }
            int elementId;
            int dataLength;
            int data;
            if (oneByte) {
                elementId = first >>> 4;
                if (elementId == 15) {
                    return NOT_FOUND;
                }
                dataLength = (first & 0x0F) + 1;
                data = pos + 1;
            } else {
                if (pos + 1 >= end) {
                    return NOT_FOUND;
                }
                elementId = first;
                dataLength = buf[pos + 1] & 0xFF;
                data = pos + 2;
            }
            if (data + dataLength > end) {
                return NOT_FOUND;
            }
            if (elementId == id) {
                return (long) data << 32 | dataLength;
            }
            pos = data + dataLength;
        }
        return NOT_FOUND;
    }

    public static int dataOffset(long location) {
        return (int) (location >>> 32);
    }

    public static int dataLength(long location) {
        return (int) location;
    }

    /**
     * Rewrites every element's id through {@code idMap} ({@code idMap[oldId]} is the new id, 0 drops the
     * element). A dropped element, or one whose new id the form cannot carry (above 14 in the one-byte
     * form), is overwritten with zero bytes, which RFC 8285 §4.1 defines as padding: the packet keeps its
     * length and stays valid. Ids beyond the end of the map are dropped too. Returns the number of
     * elements kept, or -1 if the block is not in an RFC 8285 form or runs out of bounds (the elements
     * before the fault are rewritten already).
     */
    public static int rewriteIds(byte[] buf, int off, int len, byte[] idMap) {
        int profile = profile(buf, off);
        boolean oneByte = isOneByte(profile);
        if (!oneByte && !isTwoByte(profile)) {
            return -1;
        }
        int pos = off + RtpPacket.extensionOffset(buf, off) + 4;
        int end = off + RtpPacket.headerLength(buf, off);
        int kept = 0;
        while (pos < end) {
            int first = buf[pos] & 0xFF;
            if (first == 0 || oneByte && first >>> 4 == 0) {
                pos++; // padding; like libwebrtc, an id-0 byte is one byte whatever its length bits say
                continue;
            }
            int elementId;
            int data;
            if (oneByte) {
                elementId = first >>> 4;
                if (elementId == 15) {
                    return kept;
                }
                data = pos + 1;
            } else {
                if (pos + 1 >= end) {
                    return -1;
                }
                elementId = first;
                data = pos + 2;
            }
            int next = data + (oneByte ? (first & 0x0F) + 1 : buf[pos + 1] & 0xFF);
            if (next > end) {
                return -1;
            }
            int newId = elementId < idMap.length ? idMap[elementId] & 0xFF : 0;
            if (newId == 0 || oneByte && newId > 14) {
                Arrays.fill(buf, pos, next, (byte) 0);
            } else {
                buf[pos] = (byte) (oneByte ? newId << 4 | first & 0x0F : newId);
                kept++;
            }
            pos = next;
        }
        return kept;
    }

    /**
     * Copies the packet to {@code dst} with one more element: {@code id} carrying the 16-bit {@code value}
     * (the transport-wide sequence number's form). It goes at the end of the extension block, which grows by a
     * word (in the one-byte form the element's 3 bytes and a byte of padding); a packet without extensions gets
     * a one-byte block of one word. Returns the copy's length, or -1 when the block is in neither RFC 8285 form,
     * the one-byte form cannot carry {@code id} (above 14), or {@code dst} is too small.
     */
    public static int copyWithElement(byte[] src, int off, int len, byte[] dst, int dstOff, int id, int value) {
        boolean had = RtpPacket.hasExtension(src, off);
        int profile = had ? profile(src, off) : ONE_BYTE_PROFILE;
        boolean oneByte = isOneByte(profile);
        if (!oneByte && !isTwoByte(profile) || id < 1 || id > (oneByte ? 14 : 255)) return -1;
        int blockStart = RtpPacket.extensionOffset(src, off);
        int insertAt = had ? RtpPacket.headerLength(src, off) : blockStart;
        int added = had ? 4 : 8;
        if (insertAt > len || dstOff + len + added > dst.length) return -1;
        System.arraycopy(src, off, dst, dstOff, insertAt);
        int at = dstOff + insertAt;
        if (!had) {
            dst[dstOff] |= 0x10; // the X bit
            Bytes.put16(dst, at, ONE_BYTE_PROFILE);
            Bytes.put16(dst, at + 2, 0);
            at += 4;
        }
        int words = dstOff + blockStart + 2;
        Bytes.put16(dst, words, Bytes.u16(dst, words) + 1);
        if (oneByte) {
            dst[at] = (byte) (id << 4 | 1);
            Bytes.put16(dst, at + 1, value);
            dst[at + 3] = 0;
        } else {
            dst[at] = (byte) id;
            dst[at + 1] = 2;
            Bytes.put16(dst, at + 2, value);
        }
        System.arraycopy(src, off + insertAt, dst, at + 4, len - insertAt);
        return len + added;
    }
}
