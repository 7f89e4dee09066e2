package org.queqiao.platform.bus;

import org.slf4j.Logger;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * One subscriber's ordered queue of events, drained by one virtual thread. Shared by the bus
 * implementations so every transport gives subscribers the same isolation and ordering.
 */
public final class Mailbox {
    private static final BusEvent POISON = new BusEvent("", "", "");

    private final LinkedBlockingQueue<BusEvent> queue = new LinkedBlockingQueue<>();
    private final Thread drainer;
    private volatile boolean stopped;

    public Mailbox(String topic, EventBus.EventHandler handler, Logger log) {
        this.drainer = Thread.ofVirtual().name("bus-" + topic).start(() -> {
            while (true) {
                BusEvent e;
                try {
                    e = queue.take();
                } catch (InterruptedException ie) {
                    return;
                }
                if (e == POISON || stopped) return;
                try {
                    handler.onEvent(e);
                } catch (RuntimeException ex) {
                    log.warn("bus subscriber of {} failed; continuing", topic, ex);
                }
            }
        });
    }

    public void offer(BusEvent event) {
        if (!stopped) queue.add(event);
    }

    public void stop() {
        stopped = true;
        queue.add(POISON);
    }

    public boolean isDrainerAlive() {
        return drainer.isAlive();
    }
}
