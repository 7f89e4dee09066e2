package org.queqiao.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against an offer Chromium 156 really wrote (microphone and camera, sendonly, from this machine). */
class SdpNegotiationTest {
    private static final LocalTransport LOCAL = new LocalTransport("srvU", "serverPassword0123456789", "sha-256 AA:BB", "192.0.2.2", 10000);

    private static String chromiumOffer() throws IOException {
        try (InputStream in = SdpNegotiationTest.class.getResourceAsStream("/sdp/chromium-156-publish-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsWhatTheBrowserOffers() throws IOException {
        SessionDescription offer = SdpParser.parse(chromiumOffer());

        assertThat(offer.media()).extracting(MediaDescription::mid).containsExactly("0", "1");
        MediaDescription video = offer.byMid("1");
        assertThat(video.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(video.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(video.iceUfrag()).isEqualTo("bLOc");
        assertThat(video.fingerprint()).startsWith("sha-256 EF:AE:B8");
        assertThat(video.fidGroups()).containsEntry(1985056324L, 2759175510L);
        assertThat(video.rtxFor(96)).isEqualTo(97);
        assertThat(video.codec(96).feedback()).contains("nack", "nack pli", "ccm fir", "goog-remb");
        assertThat(video.extensions()).containsEntry(ServerCodecs.MID, 4);
    }

    @Test
    void answersOnlyWhatWeForward() throws IOException {
        var answer = PublishAnswerer.answer(SdpParser.parse(chromiumOffer()), LOCAL, 7, 1);
        String sdp = answer.sdp();

        assertThat(sdp).contains("a=ice-lite\r\n", "a=group:BUNDLE 0 1\r\n", "a=setup:passive\r\n",
                "m=audio 10000 UDP/TLS/RTP/SAVPF 111\r\n", "m=video 10000 UDP/TLS/RTP/SAVPF 96 97\r\n",
                "a=candidate:1 1 udp 2130706431 192.0.2.2 10000 typ host\r\n", "a=recvonly\r\n", "a=fmtp:97 apt=96\r\n");
        assertThat(sdp).doesNotContain("transport-cc", "H264", "a=sendonly");
        SessionDescription reread = SdpParser.parse(sdp);
        assertThat(reread.iceLite()).isTrue();
        assertThat(reread.byMid("0").extensions()).containsOnlyKeys(ServerCodecs.AUDIO_LEVEL, ServerCodecs.MID);
        assertThat(reread.byMid("1").codec(96).feedback()).containsExactly("goog-remb", "ccm fir", "nack", "nack pli");
        // Chromium offers no "nack" for Opus; the answer asks for it, and Chromium then resends lost audio
        assertThat(reread.byMid("0").codec(111).feedback()).containsExactly("nack");
    }

    @Test
    void describesEachPublishedTrackForTheRouter() throws IOException {
        List<PublishedTrack> tracks = PublishAnswerer.answer(SdpParser.parse(chromiumOffer()), LOCAL, 7, 1).tracks();

        PublishedTrack audio = tracks.get(0), video = tracks.get(1);
        assertThat(audio.ssrc()).isEqualTo(2745822218L);
        assertThat(audio.rtxSsrc()).isEqualTo(-1);
        assertThat(audio.payloadTypes()[111]).isEqualTo(ServerCodecs.OPUS.payloadType());
        assertThat(audio.payloadTypes()[0]).isEqualTo(-1);
        assertThat(audio.extensionIds()[1]).isEqualTo(ServerCodecs.AUDIO_LEVEL_ID);
        assertThat(audio.extensionIds()[4]).isEqualTo(ServerCodecs.UNNEGOTIATED_ID);
        assertThat(audio.midExtensionId()).isEqualTo(4);
        assertThat(video.ssrc()).isEqualTo(1985056324L);
        assertThat(video.rtxSsrc()).isEqualTo(2759175510L);
        assertThat(video.payloadTypes()[96]).isEqualTo(ServerCodecs.VP8.payloadType());
        assertThat(video.rtxPayloadTypes()[97]).isEqualTo(96);
    }

    @Test
    void fallsBackToConstrainedBaselineH264WithoutVp8() throws IOException {
        String noVp8 = chromiumOffer().replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 AV1/90000");
        var answer = PublishAnswerer.answer(SdpParser.parse(noVp8), LOCAL, 7, 1);

        assertThat(answer.sdp()).contains("m=video 10000 UDP/TLS/RTP/SAVPF 102 103\r\n", "profile-level-id=42001f");
        assertThat(answer.tracks().get(1).payloadTypes()[102]).isEqualTo(ServerCodecs.H264.payloadType());
    }

    @Test
    void rejectsSectionsWeCannotForwardAndKeepsTheRest() throws IOException {
        String withData = chromiumOffer() + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:2\r\na=sctp-port:5000\r\n";
        var answer = PublishAnswerer.answer(SdpParser.parse(withData), LOCAL, 7, 1);

        assertThat(answer.sdp()).contains("m=application 0 UDP/DTLS/SCTP", "a=group:BUNDLE 0 1\r\n");
        assertThat(answer.tracks()).hasSize(2);
    }

    @Test
    void offersSubscribersEveryTrackWithItsSsrcs() {
        String sdp = SubscribeOfferWriter.offer(List.of(
                new SubscribedTrack("0", MediaKind.AUDIO, 11, -1, "alice", "alice-mic", true),
                new SubscribedTrack("1", MediaKind.VIDEO, 22, 23, "alice", "alice-cam", true),
                new SubscribedTrack("2", MediaKind.VIDEO, 0, -1, "-", "-", false)), LOCAL, 9, 3);

        SessionDescription offer = SdpParser.parse(sdp);
        assertThat(offer.media()).extracting(MediaDescription::direction)
                .containsExactly(Direction.SENDONLY, Direction.SENDONLY, Direction.INACTIVE);
        assertThat(offer.byMid("1").fidGroups()).containsEntry(22L, 23L);
        assertThat(offer.byMid("1").msid()).isEqualTo("alice alice-cam");
        assertThat(offer.byMid("2").ssrcs()).isEmpty();
        assertThat(offer.byMid("0").extensions()).containsOnlyKeys(ServerCodecs.AUDIO_LEVEL);
        // video is numbered for transport-wide feedback (ADR 0009 §17), audio is not: its resends must stay the same bytes
        assertThat(offer.byMid("1").extensions()).containsExactly(java.util.Map.entry(ServerCodecs.TRANSPORT_CC, ServerCodecs.TRANSPORT_CC_ID));
        assertThat(offer.byMid("1").codec(96).feedback()).contains("transport-cc");
        assertThat(offer.byMid("1").codec(97).feedback()).isEmpty();
        assertThat(offer.byMid("0").codec(111).feedback()).containsExactly("nack");
        assertThat(sdp).contains("o=queqiao 9 3 IN IP4 192.0.2.2", "a=setup:actpass", "a=group:BUNDLE 0 1 2");
    }

    @Test
    void refusesWhatItCannotUse() throws IOException {
        assertThatThrownBy(() -> SdpParser.parse("")).isInstanceOf(SdpException.class);
        assertThatThrownBy(() -> SdpParser.parse("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n")).hasMessageContaining("a=mid");
        assertThatThrownBy(() -> SdpParser.parse("v=0\r\nm=audio x UDP 1\r\na=mid:0\r\n")).hasMessageContaining("port");
        assertThatThrownBy(() -> SdpParser.parse("v=0\r\nm=audio 9 UDP 111\r\na=mid:0\r\na=rtpmap:300 opus/48000\r\n"))
                .hasMessageContaining("payload type");
        assertThatThrownBy(() -> SdpParser.parse("x".repeat(SdpParser.MAX_LENGTH + 1))).hasMessageContaining("longer");
        String onlyData = "v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:0\r\n";
        assertThatThrownBy(() -> PublishAnswerer.answer(SdpParser.parse(onlyData), LOCAL, 1, 1)).hasMessageContaining("Opus");
    }
}
