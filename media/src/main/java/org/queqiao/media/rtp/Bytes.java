package org.queqiao.media.rtp;

/** Big-endian (network order) reads and writes of unsigned fields, shared by the format classes and the stages. */
public final class Bytes {
    private Bytes() {}

    public static int u8(byte[] buf, int off) {
        return buf[off] & 0xFF;
    }

    public static int u16(byte[] buf, int off) {
        return (buf[off] & 0xFF) << 8 | buf[off + 1] & 0xFF;
    }

    public static int u24(byte[] buf, int off) {
        return (buf[off] & 0xFF) << 16 | (buf[off + 1] & 0xFF) << 8 | buf[off + 2] & 0xFF;
    }

    public static int i32(byte[] buf, int off) {
        return (buf[off] & 0xFF) << 24 | (buf[off + 1] & 0xFF) << 16 | (buf[off + 2] & 0xFF) << 8 | buf[off + 3] & 0xFF;
    }

    public static long u32(byte[] buf, int off) {
        return i32(buf, off) & 0xFFFF_FFFFL;
    }

    public static void put16(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 8);
        buf[off + 1] = (byte) value;
    }

    public static void put24(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 16);
        buf[off + 1] = (byte) (value >>> 8);
        buf[off + 2] = (byte) value;
    }

    public static void put32(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 24);
        buf[off + 1] = (byte) (value >>> 16);
        buf[off + 2] = (byte) (value >>> 8);
        buf[off + 3] = (byte) value;
    }
}
