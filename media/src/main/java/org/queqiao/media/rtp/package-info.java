/**
 * RTP and RTCP formats as static views and writers over {@code (byte[] buf, int off, int len)}.
 *
 * <p>Nothing here allocates, logs or keeps state: every method reads or writes the caller's bytes. Readers
 * that parse untrusted input ({@link org.queqiao.media.rtp.RtpPacket#isValid}, the RTCP
 * {@link org.queqiao.media.rtp.RtcpCompoundIterator}, the header extension walk, the codec helpers) reject
 * malformed or truncated input with a return value and never throw. Accessors of a single field assume
 * the packet has passed its validity check first; writers assume the caller's buffer is large enough
 * unless they say otherwise.
 *
 * <p>Unsigned 32-bit fields (SSRC, timestamps) are returned as Java {@code int}s holding the same bits;
 * compare them with {@code ==} and widen with {@code Integer.toUnsignedLong} when you need magnitude.
 */
package org.queqiao.media.rtp;
