package org.queqiao.bus.nats;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The machine's NATS server on 127.0.0.1:4222: a real dependency of these tests, started if it is down. */
final class LocalNats {
    static final String URL = "nats://127.0.0.1:4222";

    private LocalNats() {}

    static synchronized void ensureRunning() {
        if (listening()) return;
        try {
            new ProcessBuilder("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/nats-server", "--",
                    "-a", "127.0.0.1", "-p", "4222", "-js", "-sd", "/var/lib/nats-server", "-l", "/var/log/nats-server.log")
                    .inheritIO().start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("NATS is not running on 127.0.0.1:4222 and could not be started", e);
        }
        for (int i = 0; i < 100 && !listening(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!listening()) throw new IllegalStateException("nats-server did not start on 127.0.0.1:4222");
    }

    private static boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 4222), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
