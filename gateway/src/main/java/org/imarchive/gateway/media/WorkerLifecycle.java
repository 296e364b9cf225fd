package org.imarchive.gateway.media;

import org.springframework.context.SmartLifecycle;

/** Starts a background worker with the application (after the schema is migrated) and stops it on shutdown. */
final class WorkerLifecycle implements SmartLifecycle {
    private final Runnable start;
    private final Runnable stop;
    private volatile boolean running;

    WorkerLifecycle(Runnable start, Runnable stop) {
        this.start = start;
        this.stop = stop;
    }

    @Override
    public void start() {
        start.run();
        running = true;
    }

    @Override
    public void stop() {
        stop.run();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
