package org.queqiao.media.srtp;

import static org.queqiao.media.srtp.SrtpTransform.getInt;
import static org.queqiao.media.srtp.SrtpTransform.putInt;
import static org.queqiao.media.srtp.SrtpTransform.sameBytes;

/**
 * AES_CM_128_HMAC_SHA1_80 (RFC 3711 §4.1.1 and §4.2.1): AES counter-mode encryption of the payload, then an
 * HMAC-SHA1 tag truncated to 80 bits over the packet (and, for RTP, the rollover counter). All scratch
 * arrays belong to the instance, so protecting and unprotecting allocate nothing.
 */
final class AesCmHmacSha1Transform implements SrtpTransform {
    private static final int TAG = 10;

    private final AesCounterMode aes;
    private final HmacSha1 hmac;
    private final byte[] salt;
    private final byte[] iv = new byte[16];
    private final byte[] word = new byte[4];
    private final byte[] mac = new byte[HmacSha1.LENGTH];

    AesCmHmacSha1Transform(SrtpSessionKeys keys) {
        this.aes = new AesCounterMode(keys.cipherKey());
        this.hmac = new HmacSha1(keys.authKey());
        this.salt = keys.salt().clone();
    }

    @Override
    public int rtpOverhead() { return TAG; }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, int roc, int seq) {
        if (buf.length - off - len < TAG) return -1;
        rtpIv(ssrc, roc, seq);
        aes.apply(iv, buf, off + headerLen, len - headerLen);
        rtpTag(buf, off, len, roc);
        System.arraycopy(mac, 0, buf, off + len, TAG);
        return len + TAG;
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, int roc, int seq) {
        int authenticated = len - TAG;
        if (authenticated < headerLen) return -1;
        rtpTag(buf, off, authenticated, roc);
        if (!sameBytes(mac, 0, buf, off + authenticated, TAG)) return -1;
        rtpIv(ssrc, roc, seq);
        aes.apply(iv, buf, off + headerLen, authenticated - headerLen);
        return authenticated;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int srtcpIndex) {
        if (buf.length - off - len < rtcpOverhead() || len < 8) return -1;
        rtcpIv(ssrc, srtcpIndex);
        aes.apply(iv, buf, off + 8, len - 8);
        putInt(buf, off + len, 0x80000000 | srtcpIndex);
        hmac.update(buf, off, len + 4);
        hmac.doFinal(mac, 0);
        System.arraycopy(mac, 0, buf, off + len + 4, TAG);
        return len + 4 + TAG;
    }

    @Override
    public int srtcpIndexWordOffset(int len) { return len - TAG - 4; }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int indexWord) {
        int authenticated = len - TAG;
        int plain = authenticated - 4;
        if (plain < 8) return -1;
        hmac.update(buf, off, authenticated);
        hmac.doFinal(mac, 0);
        if (!sameBytes(mac, 0, buf, off + authenticated, TAG)) return -1;
        if (indexWord < 0) { // E flag: the payload is encrypted
            rtcpIv(ssrc, indexWord & 0x7fffffff);
            aes.apply(iv, buf, off + 8, plain - 8);
        }
        return plain;
    }

    private void rtpTag(byte[] buf, int off, int len, int roc) {
        putInt(word, 0, roc);
        hmac.update(buf, off, len);
        hmac.update(word, 0, 4);
        hmac.doFinal(mac, 0);
    }

    /** IV = (salt * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16), index = ROC * 2^16 + SEQ. */
    private void rtpIv(int ssrc, int roc, int seq) {
        baseIv(ssrc);
        xorInt(iv, 8, roc);
        iv[12] ^= (byte) (seq >>> 8);
        iv[13] ^= (byte) seq;
    }

    private void rtcpIv(int ssrc, int index) {
        baseIv(ssrc);
        xorInt(iv, 10, index);
    }

    private void baseIv(int ssrc) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        xorInt(iv, 4, ssrc);
    }

    private static void xorInt(byte[] b, int at, int v) {
        putInt(b, at, getInt(b, at) ^ v);
    }
}
