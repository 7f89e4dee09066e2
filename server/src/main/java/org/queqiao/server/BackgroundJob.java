package org.queqiao.server;

/** Work a node runs in the background (search indexing, retention): started with it, stopped before the database closes. */
interface BackgroundJob extends AutoCloseable {
    void start();

    @Override
    void close();

    static BackgroundJob of(Runnable start, Runnable close) {
        return new BackgroundJob() {
            @Override
            public void start() {
                start.run();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
