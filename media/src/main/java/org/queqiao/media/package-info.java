/**
 * The SFU's media plane, written to be driven by the meetings module and to know nothing of it.
 *
 * <ul>
 *   <li>{@code stun}, {@code dtls}, {@code srtp}, {@code transport}: one UDP port for every peer connection
 *       (RFC 7983 demultiplexing), ICE-lite, DTLS-SRTP key agreement and SRTP/SRTCP protection.</li>
 *   <li>{@code rtp}: RTP and RTCP views and writers over byte arrays, without allocation on the hot path.</li>
 *   <li>{@code forward}: the forwarding pipeline as small stages (packet cache, NACK to RTX, keyframe
 *       requests, loss detection, audio levels).</li>
 *   <li>{@code sdp}, {@code sfu}: session descriptions and the router that joins publishers to subscribers.</li>
 * </ul>
 */
package org.queqiao.media;
