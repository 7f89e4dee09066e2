package org.queqiao.media.srtp;

/** Keys derived for one kind of packet (RTP or RTCP) in one direction; authKey is empty for AEAD profiles. */
public record SrtpSessionKeys(byte[] cipherKey, byte[] authKey, byte[] salt) {}
