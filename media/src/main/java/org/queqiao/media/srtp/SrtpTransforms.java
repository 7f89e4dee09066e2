package org.queqiao.media.srtp;

/** Picks the transform class for a profile. */
final class SrtpTransforms {
    private SrtpTransforms() {}

    static SrtpTransform create(SrtpProfile profile, SrtpSessionKeys keys) {
        return switch (profile) {
            case AEAD_AES_128_GCM -> new AesGcmTransform(keys);
            case AES128_CM_HMAC_SHA1_80 -> new AesCmHmacSha1Transform(keys);
        };
    }
}
