package io.pylon.server.config;

import io.pylon.domain.order.OrderService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs what listens to final bills (transparency log, anomaly checks, regulator feed) off the thread that answers the
 * charger: two threads, a bounded queue; when the queue is full, or the pool has stopped, the caller runs the work
 * itself, so nothing is dropped and a flood slows the stops down instead of filling the heap. Stops after the device
 * gateways and drains what is queued (what a crash loses, the transparency log's catch-up runs again).
 */
@Component
public class OrderListenerPool implements Executor, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderListenerPool.class);
    private static final int THREADS = 2;
    private static final int QUEUE = 10_000;

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), Thread.ofPlatform().name("order-listeners-", 0).daemon().factory(),
            (task, executor) -> task.run());
    private volatile boolean running;

    public OrderListenerPool(OrderService orders) {
        orders.notifyOn(this);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** Waits until nothing is queued or running here; false when that did not happen within the limit. */
    public boolean awaitIdle(java.time.Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!pool.getQueue().isEmpty() || pool.getActiveCount() > 0) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Order listeners still busy after 10 s; the transparency log's catch-up finishes their work");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the gateways (higher phases stop first), before the database goes. */
    @Override
    public int getPhase() {
        return 0;
    }
}
