package io.labelloop.bench;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Random;

/**
 * A bulk import over REST ({@code POST .../records}, the {@code rb.log} of scripts) in batches of stable ids: after a
 * kill the batch that was not acknowledged is sent again, which must add no duplicate (a log is an upsert by id).
 */
final class BulkImport {

    static final int BATCH = 250;
    private static final String[] WORDS = ("card lost stolen transfer pending top up refund fee exchange rate atm cash "
            + "withdrawal declined payment account verify identity app pin blocked arrived delivery").split(" ");

    final AtomicInteger batchesAcknowledged = new AtomicInteger();
    final AtomicInteger batchesSent = new AtomicInteger();
    final AtomicInteger resends = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String dataset;
    private final int records;
    private final NodeOutage outage;

    BulkImport(String dataset, int records, NodeOutage outage) {
        this.dataset = dataset;
        this.records = records;
        this.outage = outage;
    }

    int batches() {
        return (records + BATCH - 1) / BATCH;
    }

    boolean inProgress() {
        return batchesAcknowledged.get() > 0 && batchesAcknowledged.get() < batches();
    }

    boolean finished() {
        return batchesAcknowledged.get() == batches();
    }

    void stop() {
        running.set(false);
    }

    static String id(int i) {
        return String.format("imp-%06d", i);
    }

    void run(Rest admin) {
        try {
            for (int b = 0; b < batches() && running.get(); ) {
                batchesSent.set(b + 1);
                HttpResponse<String> answer = admin.call("POST", "/api/datasets/" + dataset + "/records", batch(b));
                outage.note(answer);
                if (answer != null && answer.statusCode() == 200) {
                    batchesAcknowledged.set(++b);
                } else {
                    resends.incrementAndGet();
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String batch(int b) {
        StringBuilder json = new StringBuilder("[");
        Random random = new Random(b);
        for (int i = b * BATCH; i < Math.min(records, (b + 1) * BATCH); i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 6 + random.nextInt(10); w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            json.append(i == b * BATCH ? "" : ",").append("{\"id\":\"").append(id(i)).append("\",\"text\":\"")
                    .append(text).append("\",\"metadata\":{\"source\":\"faults\"}}");
        }
        return json.append(']').toString();
    }
}
