package org.queqiao.media.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.queqiao.media.client.WebRtcClientTransport;
import org.queqiao.media.dtls.DtlsCertificate;

/** {@link WebRtcClientTransport} on 127.0.0.1 with one certificate for all tests, plus tiny packets for transport tests. */
public final class TestWebRtcClient extends WebRtcClientTransport {
    public static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate();

    private int seq = 1000;

    public TestWebRtcClient(int serverPort) throws IOException {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), CERTIFICATE);
    }

    /** Sends one SRTP packet whose payload is {@code payload} (PT 96, SSRC 0x0a000001). */
    void sendRtp(byte[] payload) throws IOException {
        byte[] p = new byte[12 + payload.length + 16];
        p[0] = (byte) 0x80;
        p[1] = 96;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq++;
        p[8] = 0x0a;
        p[11] = 0x01;
        System.arraycopy(payload, 0, p, 12, payload.length);
        sendRtpPacket(p, 12 + payload.length);
    }

    /** Sends an SRTCP receiver report (empty) with sender SSRC 0x0a000001. */
    void sendRtcp() throws IOException {
        byte[] p = new byte[8 + 20];
        p[0] = (byte) 0x80;
        p[1] = (byte) 201;
        p[3] = 1;
        p[4] = 0x0a;
        p[7] = 0x01;
        sendRtcpPacket(p, 8);
    }
}
