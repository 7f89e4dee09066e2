package org.queqiao.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 5769 test vectors, read and reproduced. */
class StunTestVectorsTest {
    static final byte[] PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8);
    static final byte[] TRANSACTION_ID = hex("b7e7a701bc34d686fa87dfae");

    static final byte[] SAMPLE_REQUEST = hex("""
            000100582112a442b7e7a701bc34d686fa87dfae802200105354554e2074657374
            20636c69656e74002400046e0001ff80290008932ff9b151263b36000600096576
            746a3a6836765920202000080014 9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2
            80280004e57a3bcf""");
    static final byte[] SAMPLE_IPV4_RESPONSE = hex("""
            0101003c2112a442b7e7a701bc34d686fa87dfae8022000b7465737420766563746f7220
            002000080001a147e112a643000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7
            80280004c07d4c96""");
    static final byte[] SAMPLE_IPV6_RESPONSE = hex("""
            010100482112a442b7e7a701bc34d686fa87dfae8022000b7465737420766563746f7220
            002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9000800 14a382954e4be67bf1
            1784c97c8292c275bfe3ed4180280004c8fb0b4c""");

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    @Test
    void sampleRequestParsesAndBothHashesVerify() {
        StunMessage m = StunMessage.parse(SAMPLE_REQUEST, 0, SAMPLE_REQUEST.length);

        assertThat(m).isNotNull();
        assertThat(m.type()).isEqualTo(Stun.BINDING_REQUEST);
        assertThat(m.transactionId()).isEqualTo(TRANSACTION_ID);
        assertThat(m.username()).isEqualTo("evtj:h6vY");
        assertThat(m.intAttribute(Stun.ATTR_PRIORITY, 0)).isEqualTo(0x6e0001ff);
        assertThat(m.has(Stun.ATTR_ICE_CONTROLLED)).isTrue();
        assertThat(m.hasValidFingerprint()).isTrue();
        assertThat(m.hasValidIntegrity(PASSWORD)).isTrue();
        assertThat(m.hasValidIntegrity("wrong".getBytes())).isFalse();
    }

    @Test
    void sampleResponsesDecodeTheirMappedAddresses() throws Exception {
        StunMessage v4 = StunMessage.parse(SAMPLE_IPV4_RESPONSE, 0, SAMPLE_IPV4_RESPONSE.length);
        StunMessage v6 = StunMessage.parse(SAMPLE_IPV6_RESPONSE, 0, SAMPLE_IPV6_RESPONSE.length);

        assertThat(v4.xorMappedAddress()).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(v6.xorMappedAddress()).isEqualTo(
                new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        for (StunMessage m : new StunMessage[] {v4, v6}) {
            assertThat(m.hasValidIntegrity(PASSWORD)).isTrue();
            assertThat(m.hasValidFingerprint()).isTrue();
        }
    }

    @Test
    void writerReproducesTheSampleResponsesByteForByte() throws Exception {
        assertThat(writeSampleResponse("192.0.2.1")).isEqualTo(SAMPLE_IPV4_RESPONSE);
        assertThat(writeSampleResponse("2001:db8:1234:5678:11:2233:4455:6677")).isEqualTo(SAMPLE_IPV6_RESPONSE);
    }

    private static byte[] writeSampleResponse(String ip) throws Exception {
        byte[] out = new byte[200];
        var writer = new StunMessageWriter(out, 0, Stun.BINDING_SUCCESS, TRANSACTION_ID)
                .attribute(Stun.ATTR_SOFTWARE, "test vector".getBytes(StandardCharsets.UTF_8));
        out[20 + 4 + 11] = 0x20; // the RFC pads SOFTWARE with a space; padding is covered by the hashes
        writer.xorMappedAddress(new InetSocketAddress(InetAddress.getByName(ip), 32853))
                .messageIntegrity(PASSWORD)
                .fingerprint();
        return Arrays.copyOf(out, writer.length());
    }
}
