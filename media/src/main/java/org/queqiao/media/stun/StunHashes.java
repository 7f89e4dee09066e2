package org.queqiao.media.stun;

import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY and FINGERPRINT values (RFC 8489 §14.5, §14.7). Both cover the message up to their own
 * attribute, with the header's length field rewritten as if that attribute ended the message; these
 * helpers patch the length, hash, and put it back.
 */
final class StunHashes {
    private StunHashes() {}

    /** HMAC-SHA1 over msg[off, off+attrAt) where attrAt is the MESSAGE-INTEGRITY attribute's offset. */
    static byte[] messageIntegrity(byte[] key, byte[] msg, int off, int attrAt) {
        int savedLength = Stun.u16(msg, off + 2);
        Stun.put16(msg, off + 2, attrAt - Stun.HEADER_LENGTH + 4 + Stun.MESSAGE_INTEGRITY_LENGTH);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(msg, off, attrAt);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        } finally {
            Stun.put16(msg, off + 2, savedLength);
        }
    }

    /** CRC-32 xor 0x5354554e over msg[off, off+attrAt) where attrAt is the FINGERPRINT attribute's offset. */
    static int fingerprint(byte[] msg, int off, int attrAt) {
        int savedLength = Stun.u16(msg, off + 2);
        Stun.put16(msg, off + 2, attrAt - Stun.HEADER_LENGTH + 8);
        try {
            CRC32 crc = new CRC32();
            crc.update(msg, off, attrAt);
            return (int) crc.getValue() ^ Stun.FINGERPRINT_XOR;
        } finally {
            Stun.put16(msg, off + 2, savedLength);
        }
    }
}
