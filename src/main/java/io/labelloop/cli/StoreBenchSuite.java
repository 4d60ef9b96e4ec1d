package io.labelloop.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.ImportFormat;
import io.labelloop.dataset.ImportOptions;
import io.labelloop.dataset.ImportReport;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.queue.Claim;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.queue.QueueItem;
import io.labelloop.queue.QueueProperties;
import io.labelloop.store.OpenSearchProperties;
import io.labelloop.store.OpenSearchStore;

/**
 * The {@code store} benchmark suite: bulk import speed, and the latency of "label this, show the next" with several
 * annotators at once, with a check that no acknowledged label is lost (also across a restart) or applied twice.
 * Runs on a fresh embedded node in a temporary directory.
 */
public final class StoreBenchSuite implements BenchSuite {

    static final int DEFAULT_RECORDS = 100_000;
    static final int DEFAULT_ANNOTATORS = 8;
    static final int DEFAULT_LABELS_PER_ANNOTATOR = 250;
    private static final List<String> LABELS = List.of("negative", "neutral", "positive");
    private static final String[] WORDS = ("card lost stolen transfer pending top up refund fee exchange rate atm cash "
            + "withdrawal declined payment account verify identity app pin blocked arrived delivery charge wrong "
            + "balance currency salary direct debit limit contactless virtual disposable").split(" ");

    @Override
    public String name() {
        return "store";
    }

    @Override
    public String usage() {
        return """
                    --records N              records in the generated import file (default %d)
                    --annotators N           concurrent annotators (default %d)
                    --labels N               labels per annotator (default %d)
                    --dir DIR                working directory for the node and the file (default: a new temp dir)"""
                .formatted(DEFAULT_RECORDS, DEFAULT_ANNOTATORS, DEFAULT_LABELS_PER_ANNOTATOR);
    }

    /**
     * Runs the suite on a fresh embedded node.
     *
     * @return metrics by name ({@code store.import_records_per_s}, {@code store.label_p50_ms}, ...)
     */
    @Override
    public Map<String, Object> run(BenchOptions options, java.io.PrintStream log) throws Exception {
        int records = options.getInt("records", DEFAULT_RECORDS);
        int annotators = options.getInt("annotators", DEFAULT_ANNOTATORS);
        int perAnnotator = options.getInt("labels", DEFAULT_LABELS_PER_ANNOTATOR);
        Path dir = options.get("dir") != null ? Path.of(options.get("dir")) : Files.createTempDirectory("labelloop-bench-");
        OpenSearchProperties properties = OpenSearchProperties.embeddedAt(dir.resolve("opensearch"));
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, String> acknowledged;
        try (OpenSearchStore store = OpenSearchStore.open(properties)) {
            DatasetService datasets = new DatasetService(store, DatasetProperties.defaults());
            log.println("store bench: importing " + records + " generated records");
            importBenchmark(datasets, dir, records, metrics);
            log.println("store bench: " + annotators + " annotators x " + perAnnotator + " labels");
            acknowledged = labelBenchmark(datasets, store, annotators, perAnnotator, metrics);
            log.println("store bench: restarting the node to check every acknowledged label");
        }
        try (OpenSearchStore reopened = OpenSearchStore.open(properties)) {
            verify(new DatasetService(reopened, DatasetProperties.defaults()), acknowledged, metrics);
        }
        metrics.put("store.conditions", Map.of("records", records, "annotators", annotators,
                "labels_per_annotator", perAnnotator, "cores", Runtime.getRuntime().availableProcessors()));
        return metrics;
    }

    private static void importBenchmark(DatasetService datasets, Path dir, int records, Map<String, Object> metrics)
            throws IOException {
        Path file = dir.resolve("records.csv");
        generate(file, records);
        datasets.create("bench-import", LABELS);
        ImportReport report = datasets.importFile("bench-import", file,
                ImportOptions.of(ImportFormat.CSV).withId("id").withMetadata(List.of("intent")));
        metrics.put("store.import_records", report.created());
        metrics.put("store.import_seconds", round(report.seconds()));
        metrics.put("store.import_records_per_s", round(report.created() / report.seconds()));
    }

    private static void generate(Path file, int records) throws IOException {
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,text,intent\n");
            for (int i = 0; i < records; i++) {
                StringBuilder text = new StringBuilder();
                int words = 6 + random.nextInt(14);
                for (int k = 0; k < words; k++) {
                    text.append(k == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                w.write("rec-" + i + ",\"" + text + "?\"," + WORDS[random.nextInt(WORDS.length)] + "\n");
            }
        }
    }

    /** Each annotator claims, labels, claims the next...; the latency of one step is label + next claim. */
    private static Map<String, String> labelBenchmark(DatasetService datasets, OpenSearchStore store, int annotators,
                                                      int perAnnotator, Map<String, Object> metrics) throws Exception {
        String name = "bench-label";
        datasets.create(name, LABELS);
        int total = annotators * perAnnotator;
        List<TextRecord> logged = new ArrayList<>();
        List<QueueItem> items = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            logged.add(TextRecord.of("q" + i, "queued text " + i, Map.of()));
            items.add(new QueueItem("q" + i, 1.0 - (double) i / total));
        }
        datasets.log(name, logged);
        LabelingQueueService queue = new LabelingQueueService(store, datasets, QueueProperties.defaults());
        queue.fill(name, items);

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        List<Double> stepMs = Collections.synchronizedList(new ArrayList<>());
        List<String> twice = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(annotators);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int a = 0; a < annotators; a++) {
            String annotator = "annotator-" + a;
            done.add(pool.submit(() -> annotate(queue, name, annotator, acknowledged, stepMs, twice)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = stepMs.stream().sorted().toList();
        metrics.put("store.label_p50_ms", round(percentile(sorted, 0.50)));
        metrics.put("store.label_p99_ms", round(percentile(sorted, 0.99)));
        metrics.put("store.labels_per_s", round(acknowledged.size() / seconds));
        metrics.put("store.labels_acknowledged", acknowledged.size());
        metrics.put("store.labels_acknowledged_twice", twice.size());
        return acknowledged;
    }

    private static Void annotate(LabelingQueueService queue, String name, String annotator, Map<String, String> acknowledged,
                                 List<Double> stepMs, List<String> twice) {
        Optional<Claim> claim = queue.claimNext(name, annotator);
        int n = 0;
        while (claim.isPresent()) {
            long t0 = System.nanoTime();
            queue.label(claim.get(), LABELS.get(n++ % LABELS.size()));
            if (acknowledged.putIfAbsent(claim.get().recordId(), annotator) != null) {
                twice.add(claim.get().recordId());
            }
            claim = queue.claimNext(name, annotator);
            stepMs.add((System.nanoTime() - t0) / 1e6);
        }
        return null;
    }

    /** After a restart: every acknowledged label is stored with the annotator who got the acknowledgement. */
    private static void verify(DatasetService datasets, Map<String, String> acknowledged, Map<String, Object> metrics) {
        datasets.refresh("bench-label");
        Map<String, String> stored;
        try (var records = datasets.stream("bench-label", RecordQuery.all().withStatuses(RecordStatus.VALIDATED))) {
            stored = records.collect(Collectors.toMap(TextRecord::id, r -> r.annotation().annotator()));
        }
        long lost = acknowledged.entrySet().stream().filter(e -> !e.getValue().equals(stored.get(e.getKey()))).count();
        long unexpected = stored.keySet().stream().filter(id -> !acknowledged.containsKey(id)).count();
        metrics.put("store.lost_labels", lost);
        // twice: one record acknowledged to two annotators; unexpected: a stored label nobody was acknowledged for
        long twice = ((Number) metrics.get("store.labels_acknowledged_twice")).longValue();
        metrics.put("store.duplicate_labels", twice + unexpected);
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
