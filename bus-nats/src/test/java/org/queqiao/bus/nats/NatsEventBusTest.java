package org.queqiao.bus.nats;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.bus.EventBusContract;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bus contract on a real NATS server; every node of one test run shares a unique subject prefix. */
class NatsEventBusTest extends EventBusContract {
    private final String prefix = "qqtest" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void nats() {
        LocalNats.ensureRunning();
    }

    @Override
    protected EventBus createNode(String nodeId) {
        return NatsEventBus.connect(LocalNats.URL, prefix, nodeId);
    }

    @Override
    protected boolean nodesShareOneBus() {
        return true;
    }

    @Test
    void anUnreachableServerIsAClearStartupError() {
        assertThatThrownBy(() -> NatsEventBus.connect("nats://127.0.0.1:1", prefix, "n"))
                .hasMessageContaining("cannot reach NATS at nats://127.0.0.1:1").hasMessageContaining("bus.nats-url");
    }
}
