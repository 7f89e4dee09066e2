package org.queqiao.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answers from RFC 3711 Appendix B and RFC 7714 §16-17. */
class SrtpTestVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", "").replace("\n", ""));
    }

    @Test
    void aesCounterModeKeystreamMatchesRfc3711B2() {
        AesCounterMode aes = new AesCounterMode(hex("2B7E151628AED2A6ABF7158809CF4F3C"));
        byte[] iv = hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
        byte[] segment = new byte[65282 * 16];
        aes.apply(iv, segment, 0, segment.length);

        assertThat(HEX.formatHex(segment, 0, 48)).isEqualToIgnoringCase(
                "E03EAD0935C95E80E166B16DD92B4EB4D23513162B02D0F72A43A2FE4A5F97AB41E95B3BB0A2E8DD477901E4FCA894C0");
        assertThat(HEX.formatHex(segment, segment.length - 48, segment.length)).isEqualToIgnoringCase(
                "EC8CDF7398607CB0F2D21675EA9EA1E4362B7C3C6773516318A077D7FC5073AE6A2CC3787889374FBEB4C81B17BA6C44");
    }

    @Test
    void rtpIvOfSsrcZeroAndIndexZeroIsTheShiftedSaltSoThePayloadIsXoredWithTheB2Keystream() {
        var transform = new AesCmHmacSha1Transform(new SrtpSessionKeys(
                hex("2B7E151628AED2A6ABF7158809CF4F3C"), new byte[20], hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD")));
        byte[] packet = new byte[12 + 32 + 10];
        packet[0] = (byte) 0x80;

        int len = transform.protectRtp(packet, 0, 44, 12, 0, 0, 0);

        assertThat(len).isEqualTo(54);
        assertThat(HEX.formatHex(packet, 12, 44)).isEqualToIgnoringCase(
                "E03EAD0935C95E80E166B16DD92B4EB4D23513162B02D0F72A43A2FE4A5F97AB");
    }

    @Test
    void keyDerivationMatchesRfc3711B3() {
        byte[] masterKey = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
        byte[] masterSalt = hex("0EC675AD498AFEEBB6960B3AABE6");

        var keys = SrtpKeyDerivation.sessionKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, masterKey, masterSalt, false);

        assertThat(HEX.formatHex(keys.cipherKey())).isEqualToIgnoringCase("C61E7A93744F39EE10734AFE3FF7A087");
        assertThat(HEX.formatHex(keys.salt())).isEqualToIgnoringCase("30CBBC08863D8C85D49DB34A9AE1");
        assertThat(HEX.formatHex(keys.authKey())).isEqualToIgnoringCase("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
        assertThat(HEX.formatHex(SrtpKeyDerivation.derive(masterKey, masterSalt, 1, 94))).isEqualToIgnoringCase(
                "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE"
                        + "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25"
                        + "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2");
    }

    private static final byte[] GCM_KEY = hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] GCM_SALT = hex("517569642070726f2071756f");
    private static final String RTP_PLAIN = "8040f17b8041f8d35501a0b247616c6c696120657374206f6d6e697320646976"
            + "69736120696e207061727465732074726573";
    private static final String RTP_SEALED = "8040f17b8041f8d35501a0b2f24de3a3fb34de6cacba861c9d7e4bcabe633bd5"
            + "0d294e6f42a5f47a51c7d19b36de3adf8833899d7f27beb16a9152cf765ee4390cce";
    private static final String RTCP_PLAIN = "81c8000d4d6172734e5450314e54503252545020"
            + "0000042a0000e9304c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
    private static final String RTCP_SEALED = "81c8000d4d61727363e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32d"
            + "c676a5f1730d6fda4ce09b4686303ded0bb9275bc84aa45896cf4d2fc5abf87245d9eade800005d4";
    private static final String RTCP_TAG_ONLY = RTCP_PLAIN + "841dd9683dd78ec92ae58790125f62b3000005d4";

    private static AesGcmTransform gcm() {
        return new AesGcmTransform(new SrtpSessionKeys(GCM_KEY, new byte[0], GCM_SALT));
    }

    @Test
    void gcmRtpMatchesRfc7714Section16() {
        byte[] packet = java.util.Arrays.copyOf(hex(RTP_PLAIN), 100);
        int len = gcm().protectRtp(packet, 0, hex(RTP_PLAIN).length, 12, 0x5501a0b2, 0, 0xf17b);
        assertThat(HEX.formatHex(packet, 0, len)).isEqualTo(RTP_SEALED);

        byte[] sealed = hex(RTP_SEALED);
        int plain = gcm().unprotectRtp(sealed, 0, sealed.length, 12, 0x5501a0b2, 0, 0xf17b);
        assertThat(HEX.formatHex(sealed, 0, plain)).isEqualTo(RTP_PLAIN);
    }

    @Test
    void gcmRtcpMatchesRfc7714Section17() {
        byte[] packet = java.util.Arrays.copyOf(hex(RTCP_PLAIN), 200);
        int len = gcm().protectRtcp(packet, 0, hex(RTCP_PLAIN).length, 0x4d617273, 0x5d4);
        assertThat(HEX.formatHex(packet, 0, len)).isEqualTo(RTCP_SEALED);

        byte[] sealed = hex(RTCP_SEALED);
        var receiver = gcm();
        int word = SrtpTransform.getInt(sealed, receiver.srtcpIndexWordOffset(sealed.length));
        int plain = receiver.unprotectRtcp(sealed, 0, sealed.length, 0x4d617273, word);
        assertThat(HEX.formatHex(sealed, 0, plain)).isEqualTo(RTCP_PLAIN);
    }

    @Test
    void gcmRtcpWithoutTheEncryptionFlagVerifiesTheTagOnlyVectorOfRfc7714() {
        byte[] packet = hex(RTCP_TAG_ONLY);
        var receiver = gcm();
        int word = SrtpTransform.getInt(packet, receiver.srtcpIndexWordOffset(packet.length));
        assertThat(word).isEqualTo(0x5d4);

        int plain = receiver.unprotectRtcp(packet, 0, packet.length, 0x4d617273, word);
        assertThat(HEX.formatHex(packet, 0, plain)).isEqualTo(RTCP_PLAIN);

        packet = hex(RTCP_TAG_ONLY);
        packet[20] ^= 1; // a clear-text byte is still authenticated
        assertThat(gcm().unprotectRtcp(packet, 0, packet.length, 0x4d617273, word)).isEqualTo(-1);
    }

    @Test
    void gcmKeyDerivationPadsTheTwelveByteMasterSalt() {
        var keys = SrtpKeyDerivation.sessionKeys(SrtpProfile.AEAD_AES_128_GCM, GCM_KEY, hex("a0a1a2a3a4a5a6a7a8a9aaab"), false);
        assertThat(HEX.formatHex(keys.cipherKey())).isEqualTo("077c6143cb221bc355ff23d5f984a16e");
        assertThat(HEX.formatHex(keys.salt())).isEqualTo("9af3e95364ebac9c99c5a7c4");
        var rtcp = SrtpKeyDerivation.sessionKeys(SrtpProfile.AEAD_AES_128_GCM, GCM_KEY, hex("a0a1a2a3a4a5a6a7a8a9aaab"), true);
        assertThat(HEX.formatHex(rtcp.cipherKey())).isEqualTo("615dcd9042600666f6fd4d9e4fe4519f");
        assertThat(HEX.formatHex(rtcp.salt())).isEqualTo("fcca937b9112a500dac72269");
    }

    @Test
    void hmacSha1MatchesRfc2202() {
        var hmac = new HmacSha1(hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        byte[] out = new byte[20];
        for (int round = 0; round < 2; round++) { // the second round proves the instance resets itself
            byte[] data = "Hi There".getBytes();
            hmac.update(data, 0, data.length);
            hmac.doFinal(out, 0);
            assertThat(HEX.formatHex(out)).isEqualTo("b617318655057264e28bc0b6fb378c8ef146be00");
        }
    }
}
