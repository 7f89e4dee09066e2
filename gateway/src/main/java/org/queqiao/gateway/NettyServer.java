package org.queqiao.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The listening socket and its event loops: native epoll where available (less garbage and
 * memory per connection than NIO), NIO elsewhere. One group both accepts and serves; accepting is
 * a negligible share of its work. Buffers come from Netty's default pooled direct allocator.
 */
final class NettyServer {
    private final EventLoopGroup group;
    private final Channel listener;

    private NettyServer(EventLoopGroup group, Channel listener) {
        this.group = group;
        this.listener = listener;
    }

    static NettyServer bind(GatewaySettings s, ChannelInitializer<Channel> initializer) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        int threads = s.ioThreads() == 0 ? Runtime.getRuntime().availableProcessors() : s.ioThreads();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("gateway-io"), io);
        try {
            Channel listener = new ServerBootstrap()
                    .group(group)
                    .channel(type)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // a channel turns unwritable past max-pending-bytes queued: that is the slow-consumer signal
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(s.maxPendingBytes() / 2, s.maxPendingBytes()))
                    .childHandler(initializer)
                    .bind(s.host(), s.port())
                    .syncUninterruptibly()
                    .channel();
            return new NettyServer(group, listener);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("realtime gateway cannot listen on " + s.host() + ":" + s.port() + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    String transport() {
        return listener.getClass().getSimpleName();
    }

    void stopAccepting() {
        listener.close().awaitUninterruptibly();
    }

    void shutdown(Duration timeout) {
        long ms = Math.max(100, timeout.toMillis());
        group.shutdownGracefully(0, ms, TimeUnit.MILLISECONDS).awaitUninterruptibly(ms + 1000);
    }
}
