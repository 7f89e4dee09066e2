package org.queqiao.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.queqiao.gateway.TestTokens.Login;
import org.queqiao.gateway.TestTokens.Member;
import org.queqiao.platform.bus.InProcessEventBus;
import org.queqiao.platform.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/** A started gateway on a random port with an in-process bus, plus the clients a test opened. */
final class GatewayHarness implements AutoCloseable {
    final InProcessEventBus bus;
    final TestTokens tokens = new TestTokens();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RealtimeGateway gateway;
    private final List<WsClient> clients = new ArrayList<>();
    private final boolean ownsBus;

    private GatewayHarness(InProcessEventBus bus, boolean ownsBus, Map<String, String> overrides) {
        this.bus = bus;
        this.ownsBus = ownsBus;
        Map<String, String> settings = new HashMap<>(Map.of(
                "gateway.host", "127.0.0.1",
                "gateway.port", "0",
                "gateway.io-threads", "2"));
        settings.putAll(overrides);
        gateway = new RealtimeGateway(Config.withOverrides(settings), tokens, bus, meters);
        gateway.start();
    }

    static GatewayHarness start(String... keyValues) {
        return new GatewayHarness(new InProcessEventBus(), true, pairs(keyValues));
    }

    /** A second node on the same bus, as in a cluster. */
    static GatewayHarness startOnBus(InProcessEventBus bus, String... keyValues) {
        return new GatewayHarness(bus, false, pairs(keyValues));
    }

    WsClient connect() {
        WsClient c = WsClient.connect(gateway.port());
        clients.add(c);
        return c;
    }

    /** A connected, authenticated client of a new login session of {@code member}. */
    WsClient connectAs(Login login) {
        WsClient c = connect();
        c.ready(login.token());
        return c;
    }

    Login login(Member m) {
        return tokens.login(m);
    }

    double disconnects(ErrorCode reason) {
        return counter("queqiao.gateway.disconnects", reason);
    }

    double rejected(ErrorCode reason) {
        return counter("queqiao.gateway.frames.rejected", reason);
    }

    private double counter(String name, ErrorCode reason) {
        Counter c = meters.find(name).tag("reason", reason.wire()).counter();
        return c == null ? 0 : c.count();
    }

    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting until " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        clients.forEach(WsClient::close);
        gateway.stop(Duration.ofSeconds(2));
        if (ownsBus) bus.close();
    }

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
