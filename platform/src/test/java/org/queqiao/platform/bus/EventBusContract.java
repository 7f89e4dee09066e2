package org.queqiao.platform.bus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one contract every {@link EventBus} implementation passes (in-process and NATS). A clustered
 * implementation also passes the two-node tests: two instances in one JVM share one bus.
 */
public abstract class EventBusContract {
    private final List<EventBus> created = new ArrayList<>();

    /** A bus node; for a clustered implementation every node made by one test shares the same bus. */
    protected abstract EventBus createNode(String nodeId);

    /** Whether two nodes from {@link #createNode} reach each other (NATS) or are independent (in-process). */
    protected abstract boolean nodesShareOneBus();

    protected EventBus node(String id) {
        EventBus b = createNode(id);
        created.add(b);
        return b;
    }

    @AfterEach
    void closeNodes() {
        created.forEach(EventBus::close);
    }

    protected static String topic() {
        return "test." + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSubscriberReceivesTopicPayloadAndOrigin() throws Exception {
        EventBus bus = node("node-a");
        String t = topic();
        List<BusEvent> got = new CopyOnWriteArrayList<>();
        bus.subscribe(t, got::add);
        bus.publish(t, "{\"hello\":\"鹊桥\"}");
        await(() -> got.size() == 1);
        assertThat(got.get(0)).isEqualTo(new BusEvent(t, "{\"hello\":\"鹊桥\"}", "node-a"));
        assertThat(bus.nodeId()).isEqualTo("node-a");
    }

    @Test
    void everySubscriberReceivesEveryEventInPublishOrder() throws Exception {
        EventBus bus = node("n");
        String t = topic();
        List<String> first = new CopyOnWriteArrayList<>(), second = new CopyOnWriteArrayList<>();
        bus.subscribe(t, e -> first.add(e.payload()));
        bus.subscribe(t, e -> second.add(e.payload()));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sent.add(String.valueOf(i));
            bus.publish(t, String.valueOf(i));
        }
        await(() -> first.size() == 2000 && second.size() == 2000);
        assertThat(first).containsExactlyElementsOf(sent);
        assertThat(second).containsExactlyElementsOf(sent);
    }

    @Test
    void topicsAreIsolated() throws Exception {
        EventBus bus = node("n");
        String a = topic(), b = topic();
        List<String> onA = new CopyOnWriteArrayList<>();
        bus.subscribe(a, e -> onA.add(e.payload()));
        bus.publish(b, "for b");
        bus.publish(a, "for a");
        await(() -> onA.size() == 1);
        Thread.sleep(100);
        assertThat(onA).containsExactly("for a");
    }

    @Test
    void nothingArrivesAfterUnsubscribing() throws Exception {
        EventBus bus = node("n");
        String t = topic();
        List<String> got = new CopyOnWriteArrayList<>(), witness = new CopyOnWriteArrayList<>();
        EventBus.Subscription s = bus.subscribe(t, e -> got.add(e.payload()));
        bus.subscribe(t, e -> witness.add(e.payload()));
        bus.publish(t, "1");
        await(() -> got.size() == 1);
        s.close();
        bus.publish(t, "2");
        await(() -> witness.size() == 2);
        Thread.sleep(100);
        assertThat(got).containsExactly("1");
    }

    @Test
    void aFailingOrBlockedSubscriberDoesNotStopTheOthers() throws Exception {
        EventBus bus = node("n");
        String t = topic();
        CountDownLatch release = new CountDownLatch(1);
        bus.subscribe(t, e -> {
            throw new IllegalStateException("subscriber bug");
        });
        bus.subscribe(t, e -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        });
        List<String> healthy = new CopyOnWriteArrayList<>();
        bus.subscribe(t, e -> healthy.add(e.payload()));
        for (int i = 0; i < 100; i++) bus.publish(t, "m" + i);
        await(() -> healthy.size() == 100);
        release.countDown();
    }

    @Test
    void largeUnicodePayloadsRoundTrip() throws Exception {
        EventBus bus = node("n");
        String t = topic();
        String big = "紧急通知：".repeat(6000) + "end";
        List<String> got = new CopyOnWriteArrayList<>();
        bus.subscribe(t, e -> got.add(e.payload()));
        bus.publish(t, big);
        await(() -> got.size() == 1);
        assertThat(got.get(0)).isEqualTo(big);
    }

    @Test
    void invalidTopicsAndUseAfterCloseAreRefused() {
        EventBus bus = node("n");
        assertThatThrownBy(() -> bus.publish("Bad Topic", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bus.subscribe("a..b", e -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bus.publish("a.>", "x")).isInstanceOf(IllegalArgumentException.class);
        bus.close();
        assertThatThrownBy(() -> bus.publish(topic(), "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> bus.subscribe(topic(), e -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoNodesInOneJvmSeeEachOthersEventsInOrder() throws Exception {
        assumeTrue(nodesShareOneBus(), "in-process nodes are independent by design");
        EventBus a = node("node-a"), b = node("node-b");
        String t = topic();
        List<BusEvent> onA = new CopyOnWriteArrayList<>(), onB = new CopyOnWriteArrayList<>();
        a.subscribe(t, onA::add);
        b.subscribe(t, onB::add);
        for (int i = 0; i < 500; i++) a.publish(t, String.valueOf(i));
        b.publish(t, "from b");
        await(() -> onA.size() == 501 && onB.size() == 501);
        // order holds per publisher: node B sees node A's events in A's order (B's own may interleave)
        assertThat(onB.stream().filter(e -> e.originNode().equals("node-a")).toList()).extracting(BusEvent::payload).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 500).mapToObj(String::valueOf).toList());
        assertThat(onB.get(0).originNode()).isEqualTo("node-a");
        assertThat(onA.stream().filter(e -> e.payload().equals("from b")).findFirst().orElseThrow().originNode()).isEqualTo("node-b");
    }

    protected static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            Thread.sleep(5);
        }
    }
}
