package org.queqiao.media.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input is refused without exceptions, by the parser and by the responder behind it. */
class StunMessageRobustnessTest {
    private final byte[] request = StunTestVectorsTest.SAMPLE_REQUEST;
    private final BindingResponder responder = new BindingResponder(
            ufrag -> new IceCredentials(ufrag, "VOkJxbRl1RmTxUk/WvJxBt", null));
    private final InetSocketAddress from = new InetSocketAddress("127.0.0.1", 5000);

    @Test
    void everyTruncationIsRejected() {
        for (int len = 0; len < request.length; len++) {
            assertThat(StunMessage.parse(request, 0, len)).as("first %d bytes", len).isNull();
        }
    }

    @Test
    void wrongLengthFieldIsRejected() {
        byte[] m = request.clone();
        m[3] += 4;
        assertThat(StunMessage.parse(m, 0, m.length)).isNull();
        m[3] -= 6; // not a multiple of four
        assertThat(StunMessage.parse(m, 0, m.length)).isNull();
    }

    @Test
    void wrongMagicCookieIsRejected() {
        byte[] m = request.clone();
        m[4] = 0x22;
        assertThat(StunMessage.parse(m, 0, m.length)).isNull();
    }

    @Test
    void attributeOverrunningTheMessageIsRejected() {
        byte[] m = request.clone();
        m[20 + 3] = (byte) 0xf0; // SOFTWARE claims 240 bytes
        assertThat(StunMessage.parse(m, 0, m.length)).isNull();
    }

    @Test
    void attributesAfterMessageIntegrityOtherThanFingerprintAreRejected() {
        byte[] m = Arrays.copyOf(request, request.length);
        // turn FINGERPRINT (last attribute) into PRIORITY
        m[m.length - 8] = 0x00;
        m[m.length - 7] = 0x24;
        assertThat(StunMessage.parse(m, 0, m.length)).isNull();
    }

    @Test
    void badFingerprintIsDroppedSilently() {
        byte[] m = request.clone();
        m[m.length - 1] ^= 1;
        var outcome = responder.handle(m, 0, m.length, from, new byte[512]);
        assertThat(outcome.verdict()).isEqualTo(BindingOutcome.Verdict.MALFORMED);
        assertThat(outcome.responseLength()).isZero();
    }

    @Test
    void randomGarbageAndBitFlipsNeverThrow() {
        Random random = new Random(42);
        byte[] out = new byte[512];
        for (int i = 0; i < 20_000; i++) {
            byte[] m;
            if (i % 2 == 0) {
                m = request.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
                }
            } else {
                m = new byte[random.nextInt(120)];
                random.nextBytes(m);
                if (m.length > 8) { // often give it a plausible header so that attribute parsing runs
                    m[0] = 0;
                    m[1] = 1;
                    m[2] = 0;
                    m[3] = (byte) ((m.length - 20) & ~3);
                    m[4] = 0x21;
                    m[5] = 0x12;
                    m[6] = (byte) 0xa4;
                    m[7] = 0x42;
                }
            }
            byte[] packet = m;
            assertThatCode(() -> responder.handle(packet, 0, packet.length, from, out)).doesNotThrowAnyException();
        }
    }
}
