package org.queqiao.media.rtp;

import java.io.ByteArrayOutputStream;

/** Builds RTP packets for tests, byte by byte, independently of the code under test. */
public final class RtpPacketBuilder {
    private int payloadType = 96;
    private boolean marker;
    private int sequenceNumber;
    private int timestamp;
    private int ssrc = 0x11223344;
    private int[] csrcs = new int[0];
    private final ByteArrayOutputStream extensionElements = new ByteArrayOutputStream();
    private int extensionProfile = -1;
    private byte[] payload = {1, 2, 3, 4};
    private int padding;

    public static RtpPacketBuilder rtp() {
        return new RtpPacketBuilder();
    }

    public RtpPacketBuilder payloadType(int pt) { this.payloadType = pt; return this; }
    public RtpPacketBuilder marker(boolean m) { this.marker = m; return this; }
    public RtpPacketBuilder seq(int seq) { this.sequenceNumber = seq; return this; }
    public RtpPacketBuilder timestamp(int ts) { this.timestamp = ts; return this; }
    public RtpPacketBuilder ssrc(int ssrc) { this.ssrc = ssrc; return this; }
    public RtpPacketBuilder csrcs(int... csrcs) { this.csrcs = csrcs; return this; }
    public RtpPacketBuilder payload(byte... payload) { this.payload = payload; return this; }
    public RtpPacketBuilder padding(int padding) { this.padding = padding; return this; }

    /** A one-byte-form element (RFC 8285 §4.2); {@code data} is 1–16 bytes. */
    public RtpPacketBuilder oneByteExtension(int id, byte... data) {
        extensionProfile = 0xBEDE;
        extensionElements.write(id << 4 | data.length - 1);
        extensionElements.writeBytes(data);
        return this;
    }

    /** A two-byte-form element (RFC 8285 §4.3). */
    public RtpPacketBuilder twoByteExtension(int id, byte... data) {
        extensionProfile = 0x1000;
        extensionElements.write(id);
        extensionElements.write(data.length);
        extensionElements.writeBytes(data);
        return this;
    }

    /** Raw bytes inside the extension block (padding, or deliberately broken elements). */
    public RtpPacketBuilder extensionBytes(int profile, byte... raw) {
        extensionProfile = profile;
        extensionElements.writeBytes(raw);
        return this;
    }

    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | (padding > 0 ? 0x20 : 0) | (extensionProfile >= 0 ? 0x10 : 0) | csrcs.length);
        out.write((marker ? 0x80 : 0) | payloadType);
        write16(out, sequenceNumber);
        write32(out, timestamp);
        write32(out, ssrc);
        for (int csrc : csrcs) {
            write32(out, csrc);
        }
        if (extensionProfile >= 0) {
            byte[] elements = extensionElements.toByteArray();
            int words = (elements.length + 3) / 4;
            write16(out, extensionProfile);
            write16(out, words);
            out.writeBytes(elements);
            for (int i = elements.length; i < words * 4; i++) {
                out.write(0);
            }
        }
        out.writeBytes(payload);
        for (int i = 1; i < padding; i++) {
            out.write(0);
        }
        if (padding > 0) {
            out.write(padding);
        }
        return out.toByteArray();
    }

    private static void write16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void write32(ByteArrayOutputStream out, int v) {
        write16(out, v >>> 16);
        write16(out, v);
    }

    public static byte[] hex(String hex) {
        String clean = hex.replaceAll("[^0-9a-fA-F]", "");
        byte[] bytes = new byte[clean.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(clean.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
