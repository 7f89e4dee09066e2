package org.queqiao.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;
import java.util.function.BiConsumer;

/**
 * One load-generator WebSocket on Netty (a few KB each, so one process can hold 19,000): sends the
 * auth frame once the handshake is done and hands every text frame to {@code onText} on its event loop.
 */
final class LoadSocket {
    private final Channel channel;

    private LoadSocket(Channel channel) {
        this.channel = channel;
    }

    /**
     * Epoll where Netty's native transport loads (as the server's gateway uses), else NIO: the generator shares the
     * machine's cores with the server it measures, so every microsecond it spends is taken from the server.
     * {@code -Dbench.nio=true} forces NIO. Sockets must be opened on a group made here.
     */
    static EventLoopGroup newLoop(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    private static final boolean EPOLL = !Boolean.getBoolean("bench.nio") && Epoll.isAvailable();

    static String transport() {
        return EPOLL ? "epoll" : "nio";
    }

    static LoadSocket open(EventLoopGroup loop, int port, String authFrame, BiConsumer<LoadSocket, String> onText) throws InterruptedException {
        return open(loop, port, authFrame, onText, () -> { });
    }

    /** {@code onClose} runs on the event loop when the connection ends. */
    static LoadSocket open(EventLoopGroup loop, int port, String authFrame, BiConsumer<LoadSocket, String> onText, Runnable onClose)
            throws InterruptedException {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        LoadSocket[] self = new LoadSocket[1];
        Bootstrap b = new Bootstrap().group(loop).channel(EPOLL ? EpollSocketChannel.class : NioSocketChannel.class).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                        new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13, null, false,
                                new DefaultHttpHeaders(), 1 << 20)),
                        new WebSocketFrameAggregator(1 << 20),
                        new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                                if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                                    ctx.writeAndFlush(new TextWebSocketFrame(authFrame));
                                }
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                onClose.run();
                                ctx.fireChannelInactive();
                            }

                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame f) {
                                onText.accept(self[0], f.text());
                            }
                        });
            }
        });
        Channel ch = b.connect(uri.getHost(), port).sync().channel();
        self[0] = new LoadSocket(ch);
        return self[0];
    }

    /** Writes without waiting; flushes at once (the load generator paces itself). */
    void send(String json) {
        channel.writeAndFlush(new TextWebSocketFrame(ByteBufUtil.writeUtf8(channel.alloc(), json)), channel.voidPromise());
    }

    /** Runs {@code task} on this socket's event loop after {@code millis}, as a client's timer would. */
    void schedule(Runnable task, long millis) {
        channel.eventLoop().schedule(task, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    boolean isOpen() {
        return channel.isActive();
    }

    void close() {
        channel.close();
    }
}
