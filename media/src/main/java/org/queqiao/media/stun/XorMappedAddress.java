package org.queqiao.media.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * XOR-MAPPED-ADDRESS (RFC 8489 §14.2): the port is XORed with the top of the magic cookie, an IPv4 address
 * with the cookie, an IPv6 address with the cookie followed by the transaction ID.
 */
final class XorMappedAddress {
    private XorMappedAddress() {}

    /** Writes the value (without attribute header) at {@code at}; returns its length, 8 or 20. */
    static int encode(InetSocketAddress address, byte[] out, int at, byte[] transactionId) {
        byte[] ip = address.getAddress().getAddress();
        out[at] = 0;
        out[at + 1] = (byte) (ip.length == 4 ? 0x01 : 0x02);
        Stun.put16(out, at + 2, address.getPort() ^ (Stun.MAGIC_COOKIE >>> 16));
        for (int i = 0; i < ip.length; i++) {
            out[at + 4 + i] = (byte) (ip[i] ^ mask(i, transactionId, 0));
        }
        return 4 + ip.length;
    }

    static InetSocketAddress decode(byte[] buf, int at, int len, byte[] tidBuf, int tidOff) {
        int family = buf[at + 1] & 0xff;
        int ipLength = family == 0x01 ? 4 : family == 0x02 ? 16 : -1;
        if (ipLength < 0 || len != 4 + ipLength) return null;
        int port = Stun.u16(buf, at + 2) ^ (Stun.MAGIC_COOKIE >>> 16);
        byte[] ip = new byte[ipLength];
        byte[] tid = java.util.Arrays.copyOfRange(tidBuf, tidOff, tidOff + 12);
        for (int i = 0; i < ipLength; i++) {
            ip[i] = (byte) (buf[at + 4 + i] ^ mask(i, tid, 0));
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            return null; // cannot happen for 4 or 16 bytes
        }
    }

    /** Byte i of magic cookie || transaction ID. */
    private static int mask(int i, byte[] transactionId, int tidOff) {
        return i < 4 ? (Stun.MAGIC_COOKIE >>> (24 - 8 * i)) & 0xff : transactionId[tidOff + i - 4];
    }
}
