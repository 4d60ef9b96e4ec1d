package io.labelloop.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A step of the test loop's {@code ui-test-wait} route that holds its exchange in flight until the test opens the
 * gate: a long-running route whose end the test decides, so that a pause provably lands while it runs.
 */
public final class RouteGate {

    /** The longest a forgotten gate holds a route, so that a failed test does not leave a thread waiting forever. */
    private static final long MAX_WAIT_MINUTES = 5;
    private static volatile CountDownLatch gate = new CountDownLatch(1);

    /** Camel creates one for the route's bean step. */
    public RouteGate() {
    }

    /** Called by the route: waits until the test opens the gate. */
    public void pass() throws InterruptedException {
        gate.await(MAX_WAIT_MINUTES, TimeUnit.MINUTES);
    }

    /** Lets the waiting exchange go on, and closes the gate for the next one. */
    static void open() {
        CountDownLatch was = gate;
        gate = new CountDownLatch(1);
        was.countDown();
    }
}
