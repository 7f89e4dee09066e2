package org.queqiao.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * The pipeline of a new socket:
 * <pre>
 *   http codec + aggregator   (the upgrade request only; the handshake swaps them for WebSocket codecs)
 *   ws protocol               (handshake at /ws, answers pings, handles close frames)
 *   fragments                 (joins fragmented messages, up to gateway.max-frame-bytes)
 *   auth                      (first frame; replaced by "connection" + "heartbeat" once admitted)
 *   not-found                 (404 for any other HTTP request)
 * </pre>
 */
final class GatewayChannelInitializer extends ChannelInitializer<Channel> {
    static final String PATH = "/ws";
    private static final int MAX_UPGRADE_REQUEST_BYTES = 8192;

    private final GatewayContext gw;
    private final ChannelGroup openChannels;
    private final WebSocketServerProtocolConfig protocol;

    GatewayChannelInitializer(GatewayContext gw, ChannelGroup openChannels) {
        this.gw = gw;
        this.openChannels = openChannels;
        GatewaySettings s = gw.settings();
        this.protocol = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(PATH)
                .checkStartsWith(true) // allows /ws?v=1, not /wsx
                .handshakeTimeoutMillis(s.authTimeout().toMillis())
                .forceCloseTimeoutMillis(ServerFrames.CLOSE_GRACE.toMillis())
                .sendCloseFrame(null) // we send our own close frames, with our close codes
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        // frames between max-frame-bytes and this hard limit get an error frame, larger ones a close
                        .maxFramePayloadLength(s.hardFrameLimit())
                        .allowExtensions(false)
                        .closeOnProtocolViolation(false)
                        .build())
                .build();
    }

    @Override
    protected void initChannel(Channel ch) {
        if (openChannels.size() >= gw.settings().maxConnections()) {
            // at capacity: refuse before reading anything, so a flood costs us almost nothing
            gw.metrics().connectionRefusedAtCapacity();
            ch.close();
            return;
        }
        openChannels.add(ch);
        ch.pipeline()
                .addLast("http", new HttpServerCodec(4096, MAX_UPGRADE_REQUEST_BYTES, MAX_UPGRADE_REQUEST_BYTES))
                .addLast("upgrade", new HttpObjectAggregator(MAX_UPGRADE_REQUEST_BYTES))
                .addLast("ws", new WebSocketServerProtocolHandler(protocol))
                .addLast("fragments", new WebSocketFrameAggregator(gw.settings().maxFrameBytes()))
                .addLast("auth", new AuthenticationHandler(gw))
                .addLast("not-found", NotFoundHandler.INSTANCE);
    }
}
