package org.queqiao.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against an offer Chromium 156 really wrote with three simulcast layers (headless, fake camera at
 * 1280×720, {@code addTransceiver(track, {sendEncodings: [{rid: 'q', scaleResolutionDownBy: 4},
 * {rid: 'h', scaleResolutionDownBy: 2}, {rid: 'f'}]})}): rid-based, so its video section has no
 * {@code a=ssrc} lines.
 */
class SimulcastNegotiationTest {
    private static final LocalTransport LOCAL = new LocalTransport("srvU", "serverPassword0123456789", "sha-256 AA:BB", "192.0.2.2", 10000);
    private static final String RID_EXTMAP = "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\n";
    private static final String REPAIRED_RID_EXTMAP = "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\n";
    private static final String SIMULCAST_LINES = "a=rid:q send\na=rid:h send\na=rid:f send\na=simulcast:send q;h;f\n";

    @Test
    void readsTheLayersInTheOrderOffered() {
        SessionDescription offer = SdpParser.parse(CHROMIUM_156_SIMULCAST_OFFER);

        MediaDescription video = offer.byMid("1");
        assertThat(video.simulcastSendRids()).containsExactly("q", "h", "f");
        assertThat(video.simulcastRecvRids()).isEmpty();
        assertThat(video.ssrcs()).isEmpty();
        assertThat(video.extensions()).containsEntry(ServerCodecs.RID, 10).containsEntry(ServerCodecs.REPAIRED_RID, 11);
        assertThat(offer.byMid("0").simulcastSendRids()).isEmpty();
    }

    @Test
    void readsAlternativesPausedStreamsAndRecvFirst() {
        String sdp = "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\n"
                + "a=simulcast:recv r send ~b,c;a;z\r\n"
                + "a=rid:a send\r\na=rid:b send\r\na=rid:c send max-width=640\r\na=rid:r recv\r\n";

        MediaDescription m = SdpParser.parse(sdp).byMid("0");

        // the first alternative of each stream, "~" (paused) dropped; z has no a=rid line, so it does not count
        assertThat(m.simulcastSendRids()).containsExactly("b", "a");
        assertThat(m.simulcastRecvRids()).containsExactly("r");
    }

    @Test
    void answersWithTheLayersAndTheirExtensions() {
        String sdp = PublishAnswerer.answer(SdpParser.parse(CHROMIUM_156_SIMULCAST_OFFER), LOCAL, 7, 1).sdp();

        String video = sdp.substring(sdp.indexOf("m=video"));
        assertThat(video).contains("a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"
                + "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\r\n"
                + "a=recvonly\r\n");
        assertThat(video).contains("a=fmtp:97 apt=96\r\n"
                + "a=rid:q recv\r\na=rid:h recv\r\na=rid:f recv\r\na=simulcast:recv q;h;f\r\n"
                + "a=candidate:");
        String audio = sdp.substring(sdp.indexOf("m=audio"), sdp.indexOf("m=video"));
        assertThat(audio).doesNotContain("a=rid", "a=simulcast", "rtp-stream-id");

        MediaDescription reread = SdpParser.parse(sdp).byMid("1");
        assertThat(reread.simulcastRecvRids()).containsExactly("q", "h", "f");
        assertThat(reread.simulcastSendRids()).isEmpty();
        assertThat(reread.extensions()).containsOnlyKeys(ServerCodecs.MID, ServerCodecs.RID, ServerCodecs.REPAIRED_RID);
    }

    @Test
    void describesTheLayersForTheRouter() {
        List<PublishedTrack> tracks = PublishAnswerer.answer(SdpParser.parse(CHROMIUM_156_SIMULCAST_OFFER), LOCAL, 7, 1).tracks();

        PublishedTrack audio = tracks.get(0), video = tracks.get(1);
        assertThat(video.rids()).containsExactly("q", "h", "f");
        assertThat(video.ridExtensionId()).isEqualTo(10);
        assertThat(video.repairedRidExtensionId()).isEqualTo(11);
        // no a=ssrc lines with rid-based simulcast: the SFU learns each layer's SSRC from the rid extension
        assertThat(video.ssrc()).isEqualTo(-1);
        assertThat(video.rtxSsrc()).isEqualTo(-1);
        assertThat(video.extensionIds()[10]).isEqualTo(ServerCodecs.UNNEGOTIATED_ID);
        assertThat(video.extensionIds()[11]).isEqualTo(ServerCodecs.UNNEGOTIATED_ID);
        assertThat(video.extensionIds()[4]).isEqualTo(ServerCodecs.UNNEGOTIATED_ID);
        assertThat(video.payloadTypes()[96]).isEqualTo(ServerCodecs.VP8.payloadType());
        assertThat(audio.rids()).isEmpty();
        assertThat(audio.ridExtensionId()).isEqualTo(-1);
        assertThat(audio.repairedRidExtensionId()).isEqualTo(-1);
    }

    @Test
    void anOfferWithoutSimulcastGetsNoRidExtension() throws IOException {
        // Chromium offers the rid extensions whether or not it sends layers
        String offer;
        try (InputStream in = SimulcastNegotiationTest.class.getResourceAsStream("/sdp/chromium-156-publish-offer.sdp")) {
            offer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var answer = PublishAnswerer.answer(SdpParser.parse(offer), LOCAL, 7, 1);

        assertThat(SdpParser.parse(answer.sdp()).byMid("1").extensions()).containsOnlyKeys(ServerCodecs.MID);
        PublishedTrack video = answer.tracks().get(1);
        assertThat(video.rids()).isEmpty();
        assertThat(video.ridExtensionId()).isEqualTo(-1);
        assertThat(video.repairedRidExtensionId()).isEqualTo(-1);
        assertThat(video.extensionIds()[10]).isEqualTo(ServerCodecs.UNNEGOTIATED_ID);
    }

    @Test
    void keepsTheFirstThreeOfMoreLayers() {
        String fourLayers = CHROMIUM_156_SIMULCAST_OFFER.replace("a=simulcast:send q;h;f", "a=rid:x send\na=simulcast:send q;h;f;x");
        var answer = PublishAnswerer.answer(SdpParser.parse(fourLayers), LOCAL, 7, 1);

        assertThat(SdpParser.parse(fourLayers).byMid("1").simulcastSendRids()).containsExactly("q", "h", "f", "x");
        assertThat(answer.sdp()).contains("a=simulcast:recv q;h;f\r\n").doesNotContain("a=rid:x");
        assertThat(answer.tracks().get(1).rids()).containsExactly("q", "h", "f");
    }

    @Test
    void answersOneStreamWithoutTheRidExtension() {
        String noRidExtension = CHROMIUM_156_SIMULCAST_OFFER.replace(RID_EXTMAP, "");
        var answer = PublishAnswerer.answer(SdpParser.parse(noRidExtension), LOCAL, 7, 1);

        assertThat(answer.sdp()).doesNotContain("a=rid", "a=simulcast", "rtp-stream-id");
        // exactly the answer to the same offer without simulcast
        String withoutSimulcast = noRidExtension.replace(SIMULCAST_LINES, "");
        assertThat(answer.sdp()).isEqualTo(PublishAnswerer.answer(SdpParser.parse(withoutSimulcast), LOCAL, 7, 1).sdp());
        PublishedTrack video = answer.tracks().get(1);
        assertThat(video.rids()).isEmpty();
        assertThat(video.ridExtensionId()).isEqualTo(-1);
        assertThat(video.repairedRidExtensionId()).isEqualTo(-1);
    }

    @Test
    void answersWithoutRepairedRidWhenNotOffered() {
        String noRepairedRid = CHROMIUM_156_SIMULCAST_OFFER.replace(REPAIRED_RID_EXTMAP, "");
        var answer = PublishAnswerer.answer(SdpParser.parse(noRepairedRid), LOCAL, 7, 1);

        assertThat(answer.sdp()).contains("a=simulcast:recv q;h;f\r\n", "rtp-stream-id").doesNotContain("repaired-rtp-stream-id");
        assertThat(answer.tracks().get(1).ridExtensionId()).isEqualTo(10);
        assertThat(answer.tracks().get(1).repairedRidExtensionId()).isEqualTo(-1);
    }

    @Test
    void aSingleLayerIsNotSimulcast() {
        String oneLayer = CHROMIUM_156_SIMULCAST_OFFER.replace(SIMULCAST_LINES, "a=rid:f send\na=simulcast:send f\n");
        var answer = PublishAnswerer.answer(SdpParser.parse(oneLayer), LOCAL, 7, 1);

        assertThat(answer.sdp()).doesNotContain("a=rid", "a=simulcast", "rtp-stream-id");
        assertThat(answer.tracks().get(1).rids()).isEmpty();
    }

    @Test
    void neverAcceptsSimulcastForAudio() {
        String audioLayers = CHROMIUM_156_SIMULCAST_OFFER.replace("a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\na=sendonly\n",
                "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\n" + RID_EXTMAP + "a=sendonly\na=rid:a send\na=rid:b send\na=simulcast:send a;b\n");
        SessionDescription offer = SdpParser.parse(audioLayers);
        assertThat(offer.byMid("0").simulcastSendRids()).containsExactly("a", "b");

        var answer = PublishAnswerer.answer(offer, LOCAL, 7, 1);
        String audio = answer.sdp().substring(answer.sdp().indexOf("m=audio"), answer.sdp().indexOf("m=video"));
        assertThat(audio).doesNotContain("a=rid", "a=simulcast", "rtp-stream-id");
        assertThat(answer.tracks().get(0).rids()).isEmpty();
        assertThat(answer.tracks().get(1).rids()).containsExactly("q", "h", "f");
    }

    @Test
    void anInactiveSectionGetsNoLayers() {
        String inactive = CHROMIUM_156_SIMULCAST_OFFER.replace("a=mid:1\n", "a=mid:1\na=inactive\n").replace(
                "a=extmap:9 http://www.webrtc.org/experiments/rtp-hdrext/video-layers-allocation00\na=sendonly\n",
                "a=extmap:9 http://www.webrtc.org/experiments/rtp-hdrext/video-layers-allocation00\n");
        String sdp = PublishAnswerer.answer(SdpParser.parse(inactive), LOCAL, 7, 1).sdp();

        assertThat(sdp).contains("a=inactive\r\n").doesNotContain("a=rid", "a=simulcast");
    }

    @Test
    void refusesMalformedOrTooManyRids() {
        String video = "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\n";
        assertThatThrownBy(() -> SdpParser.parse(video + "a=rid:q! send\r\n")).isInstanceOf(SdpException.class).hasMessageContaining("\"q!\"");
        assertThatThrownBy(() -> SdpParser.parse(video + "a=rid:" + "a".repeat(17) + " send\r\n")).hasMessageContaining("a".repeat(17));
        assertThatThrownBy(() -> SdpParser.parse(video + "a=rid:q sideways\r\n")).hasMessageContaining("send or recv");
        assertThatThrownBy(() -> SdpParser.parse(video + "a=rid:q send\r\na=rid:q send\r\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> SdpParser.parse(video + "a=rid:q send\r\na=simulcast:send q;h.1\r\n")).hasMessageContaining("\"h.1\"");
        assertThatThrownBy(() -> SdpParser.parse(video + "a=simulcast:send q;;f\r\n")).hasMessageContaining("\"\"");
        assertThatThrownBy(() -> SdpParser.parse(video + "a=simulcast:send q;h;q\r\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> SdpParser.parse(video + "a=simulcast:q;h;f\r\n")).hasMessageContaining("a=simulcast");
        assertThatThrownBy(() -> SdpParser.parse(video + "a=simulcast:send q send h\r\n")).hasMessageContaining("direction");
        StringBuilder nine = new StringBuilder(video);
        for (int i = 0; i < 9; i++) nine.append("a=rid:r").append(i).append(" send\r\n");
        assertThatThrownBy(() -> SdpParser.parse(nine.toString())).hasMessageContaining("more than 8");
        assertThatThrownBy(() -> SdpParser.parse(video + "a=simulcast:send a;b;c;d;e;f;g;h;i\r\n")).hasMessageContaining("more than 8");
    }

    /** Captured with Debian's Chromium 156 and fake devices; addresses are the documentation range's. */
    private static final String CHROMIUM_156_SIMULCAST_OFFER = """
            v=0
            o=- 3638790988012167624 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0 1
            a=extmap-allow-mixed
            a=msid-semantic: WMS d309294d-78af-46d2-abd5-88b1668c9102
            m=audio 34434 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
            c=IN IP4 192.0.2.2
            a=rtcp:9 IN IP4 0.0.0.0
            a=candidate:76920167 1 udp 2122194687 192.0.2.2 34434 typ host generation 0 network-id 1
            a=candidate:3488838791 1 udp 2122265343 fd00::2 33486 typ host generation 0 network-id 2
            a=candidate:4198457843 1 tcp 1518214911 192.0.2.2 9 typ host tcptype active generation 0 network-id 1
            a=candidate:827957267 1 tcp 1518285567 fd00::2 9 typ host tcptype active generation 0 network-id 2
            a=ice-ufrag:Ru+T
            a=ice-pwd:bl6+1gFlUnXb2rxMi6PhZcdy
            a=ice-options:trickle
            a=fingerprint:sha-256 06:24:F0:05:E6:81:0C:88:72:A5:06:F5:B7:6E:BE:89:EC:78:9C:F1:92:9C:D3:AF:82:2D:D2:29:2A:14:7E:74
            a=setup:actpass
            a=mid:0
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendonly
            a=msid:d309294d-78af-46d2-abd5-88b1668c9102 69064c77-0957-49ef-9347-ae8ab05f2ead
            a=rtcp-mux
            a=rtcp-rsize
            a=rtcp-xr:rcvr-rtt=all
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:63 red/48000/2
            a=fmtp:63 111/111
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:13 CN/8000
            a=rtpmap:110 telephone-event/48000
            a=rtpmap:126 telephone-event/8000
            a=ssrc:4277225615 cname:5Skdzpsp9Kpk8cuo
            a=ssrc:4277225615 msid:d309294d-78af-46d2-abd5-88b1668c9102 69064c77-0957-49ef-9347-ae8ab05f2ead
            m=video 32942 UDP/TLS/RTP/SAVPF 96 97 102 103 104 107 108 109 114 115 116 117 39 40 45 46 98 99 100 101 118 119 120
            c=IN IP4 192.0.2.2
            a=rtcp:9 IN IP4 0.0.0.0
            a=candidate:76920167 1 udp 2122194687 192.0.2.2 32942 typ host generation 0 network-id 1
            a=candidate:3488838791 1 udp 2122265343 fd00::2 59359 typ host generation 0 network-id 2
            a=candidate:4198457843 1 tcp 1518214911 192.0.2.2 9 typ host tcptype active generation 0 network-id 1
            a=candidate:827957267 1 tcp 1518285567 fd00::2 9 typ host tcptype active generation 0 network-id 2
            a=ice-ufrag:Ru+T
            a=ice-pwd:bl6+1gFlUnXb2rxMi6PhZcdy
            a=ice-options:trickle
            a=fingerprint:sha-256 06:24:F0:05:E6:81:0C:88:72:A5:06:F5:B7:6E:BE:89:EC:78:9C:F1:92:9C:D3:AF:82:2D:D2:29:2A:14:7E:74
            a=setup:actpass
            a=mid:1
            a=extmap:14 urn:ietf:params:rtp-hdrext:toffset
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:13 urn:3gpp:video-orientation
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:5 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay
            a=extmap:6 http://www.webrtc.org/experiments/rtp-hdrext/video-content-type
            a=extmap:7 http://www.webrtc.org/experiments/rtp-hdrext/video-timing
            a=extmap:8 http://www.webrtc.org/experiments/rtp-hdrext/color-space
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id
            a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id
            a=extmap:12 https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension
            a=extmap:9 http://www.webrtc.org/experiments/rtp-hdrext/video-layers-allocation00
            a=sendonly
            a=msid:d309294d-78af-46d2-abd5-88b1668c9102 0754de32-c362-4430-93fb-9ed395ae8c7e
            a=rtcp-mux
            a=rtcp-rsize
            a=rtcp-xr:rcvr-rtt=all
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:96 goog-remb
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            a=rtpmap:97 rtx/90000
            a=fmtp:97 apt=96
            a=rtpmap:102 H264/90000
            a=rtcp-fb:102 goog-remb
            a=rtcp-fb:102 transport-cc
            a=rtcp-fb:102 ccm fir
            a=rtcp-fb:102 nack
            a=rtcp-fb:102 nack pli
            a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f
            a=rtpmap:103 rtx/90000
            a=fmtp:103 apt=102
            a=rtpmap:104 H264/90000
            a=rtcp-fb:104 goog-remb
            a=rtcp-fb:104 transport-cc
            a=rtcp-fb:104 ccm fir
            a=rtcp-fb:104 nack
            a=rtcp-fb:104 nack pli
            a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f
            a=rtpmap:107 rtx/90000
            a=fmtp:107 apt=104
            a=rtpmap:108 H264/90000
            a=rtcp-fb:108 goog-remb
            a=rtcp-fb:108 transport-cc
            a=rtcp-fb:108 ccm fir
            a=rtcp-fb:108 nack
            a=rtcp-fb:108 nack pli
            a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
            a=rtpmap:109 rtx/90000
            a=fmtp:109 apt=108
            a=rtpmap:114 H264/90000
            a=rtcp-fb:114 goog-remb
            a=rtcp-fb:114 transport-cc
            a=rtcp-fb:114 ccm fir
            a=rtcp-fb:114 nack
            a=rtcp-fb:114 nack pli
            a=fmtp:114 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f
            a=rtpmap:115 rtx/90000
            a=fmtp:115 apt=114
            a=rtpmap:116 H264/90000
            a=rtcp-fb:116 goog-remb
            a=rtcp-fb:116 transport-cc
            a=rtcp-fb:116 ccm fir
            a=rtcp-fb:116 nack
            a=rtcp-fb:116 nack pli
            a=fmtp:116 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f
            a=rtpmap:117 rtx/90000
            a=fmtp:117 apt=116
            a=rtpmap:39 H264/90000
            a=rtcp-fb:39 goog-remb
            a=rtcp-fb:39 transport-cc
            a=rtcp-fb:39 ccm fir
            a=rtcp-fb:39 nack
            a=rtcp-fb:39 nack pli
            a=fmtp:39 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=4d001f
            a=rtpmap:40 rtx/90000
            a=fmtp:40 apt=39
            a=rtpmap:45 AV1/90000
            a=rtcp-fb:45 goog-remb
            a=rtcp-fb:45 transport-cc
            a=rtcp-fb:45 ccm fir
            a=rtcp-fb:45 nack
            a=rtcp-fb:45 nack pli
            a=fmtp:45 level-idx=5;profile=0;tier=0
            a=rtpmap:46 rtx/90000
            a=fmtp:46 apt=45
            a=rtpmap:98 VP9/90000
            a=rtcp-fb:98 goog-remb
            a=rtcp-fb:98 transport-cc
            a=rtcp-fb:98 ccm fir
            a=rtcp-fb:98 nack
            a=rtcp-fb:98 nack pli
            a=fmtp:98 profile-id=0
            a=rtpmap:99 rtx/90000
            a=fmtp:99 apt=98
            a=rtpmap:100 VP9/90000
            a=rtcp-fb:100 goog-remb
            a=rtcp-fb:100 transport-cc
            a=rtcp-fb:100 ccm fir
            a=rtcp-fb:100 nack
            a=rtcp-fb:100 nack pli
            a=fmtp:100 profile-id=2
            a=rtpmap:101 rtx/90000
            a=fmtp:101 apt=100
            a=rtpmap:118 red/90000
            a=rtpmap:119 rtx/90000
            a=fmtp:119 apt=118
            a=rtpmap:120 ulpfec/90000
            a=rid:q send
            a=rid:h send
            a=rid:f send
            a=simulcast:send q;h;f
            """;
}
