package io.labelloop.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.labelloop.cli.BenchOptions;
import io.labelloop.cli.BenchSuite;
import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.ImportFormat;
import io.labelloop.dataset.ImportOptions;
import io.labelloop.dataset.ImportReport;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.queue.Claim;
import io.labelloop.queue.ClaimAhead;
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
    static final int DEFAULT_PACED_LABELS_PER_ANNOTATOR = 60;
    /** A fast annotator on short queries: under a second to read and press a key. */
    static final int DEFAULT_THINK_MS = 800;
    /** Label-then-search pairs that measure the read-your-own-writes refresh. */
    static final int READ_OWN_WRITE_SAMPLES = 100;
    private static final String PACED = "bench-label-paced";
    private static final String SATURATED = "bench-label";
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
                    --paced-labels N         labels per annotator at a human pace (default %d)
                    --think-ms N             mean pause of an annotator before each label (default %d)
                    --labels N               labels per annotator with no pause, to saturate the store (default %d)
                    --dir DIR                working directory for the node and the file (default: a new temp dir)"""
                .formatted(DEFAULT_RECORDS, DEFAULT_ANNOTATORS, DEFAULT_PACED_LABELS_PER_ANNOTATOR, DEFAULT_THINK_MS,
                        DEFAULT_LABELS_PER_ANNOTATOR);
    }

    /**
     * Runs the suite on a fresh embedded node.
     *
     * @return metrics by name ({@code import_records_per_s}, {@code label_p50_ms}, ...), which the command writes under {@code "store"}
     */
    @Override
    public Map<String, Object> run(BenchOptions options, PrintStream log) throws Exception {
        int records = options.getInt("records", DEFAULT_RECORDS);
        int annotators = options.getInt("annotators", DEFAULT_ANNOTATORS);
        int perAnnotator = options.getInt("labels", DEFAULT_LABELS_PER_ANNOTATOR);
        int pacedPerAnnotator = options.getInt("paced-labels", DEFAULT_PACED_LABELS_PER_ANNOTATOR);
        int thinkMs = options.getInt("think-ms", DEFAULT_THINK_MS);
        Path dir = options.get("dir") != null ? Path.of(options.get("dir")) : Files.createTempDirectory("labelloop-bench-");
        OpenSearchProperties properties = OpenSearchProperties.embeddedAt(dir.resolve("opensearch"));
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, String> acknowledged;
        try (OpenSearchStore store = OpenSearchStore.open(properties)) {
            DatasetService datasets = new DatasetService(store, DatasetProperties.defaults());
            log.println("store bench: importing " + records + " generated records");
            importBenchmark(datasets, dir, records, metrics);
            log.println("store bench: " + annotators + " annotators x " + pacedPerAnnotator + " labels at a " + thinkMs
                    + " ms pace, then x " + perAnnotator + " labels with no pause");
            acknowledged = labelBenchmarks(datasets, store, annotators, perAnnotator, pacedPerAnnotator, thinkMs,
                    metrics);
            readOwnWrites(datasets, Math.min(records, READ_OWN_WRITE_SAMPLES), metrics);
            log.println("store bench: restarting the node to check every acknowledged label");
        }
        try (OpenSearchStore reopened = OpenSearchStore.open(properties)) {
            verify(new DatasetService(reopened, DatasetProperties.defaults()), acknowledged, metrics);
        }
        metrics.put("conditions", Map.of("records", records, "annotators", annotators,
                "paced_labels_per_annotator", pacedPerAnnotator, "think_ms", thinkMs,
                "saturated_labels_per_annotator", perAnnotator, "cores", Runtime.getRuntime().availableProcessors()));
        return metrics;
    }

    private static void importBenchmark(DatasetService datasets, Path dir, int records, Map<String, Object> metrics)
            throws IOException {
        Path file = dir.resolve("records.csv");
        generate(file, records);
        datasets.create("bench-import", LABELS);
        ImportReport report = datasets.importFile("bench-import", file,
                ImportOptions.of(ImportFormat.CSV).withId("id").withMetadata(List.of("intent")));
        metrics.put("import_records", report.created());
        metrics.put("import_seconds", round(report.seconds()));
        metrics.put("import_records_per_s", round(report.created() / report.seconds()));
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

    /**
     * Each annotator labels the record shown, waits for the acknowledgement, sees the next (claimed ahead while it
     * read the current one, as the labeling view does), thinks, and labels again. The latency of one step is the
     * durable label write plus getting the next record. Run twice: at a human pace ({@code --think-ms}, the figure
     * annotators feel) and with no pause at all (the store's saturation, reported as {@code saturated_*}).
     */
    private static Map<String, String> labelBenchmarks(DatasetService datasets, OpenSearchStore store, int annotators,
                                                       int perAnnotator, int pacedPerAnnotator, int thinkMs,
                                                       Map<String, Object> metrics) throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        LabelingQueueService queue = new LabelingQueueService(store, datasets, QueueProperties.defaults());
        try {
            acknowledged.putAll(labelBenchmark(datasets, queue, PACED, annotators, pacedPerAnnotator, thinkMs, "",
                    metrics));
            acknowledged.putAll(labelBenchmark(datasets, queue, SATURATED, annotators, perAnnotator, 0,
                    "saturated_", metrics));
        } finally {
            queue.close();
        }
        return acknowledged;
    }

    private static Map<String, String> labelBenchmark(DatasetService datasets, LabelingQueueService queue, String name,
                                                      int annotators, int perAnnotator, int thinkMs, String prefix,
                                                      Map<String, Object> metrics) throws Exception {
        fillQueue(datasets, queue, name, annotators * perAnnotator);
        Run run = new Run(queue, name, thinkMs);
        ExecutorService pool = Executors.newFixedThreadPool(annotators);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int a = 0; a < annotators; a++) {
            String annotator = "annotator-" + a;
            done.add(pool.submit(() -> run.annotate(annotator, new Random(annotator.hashCode()))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> steps = run.stepMs.stream().sorted().toList();
        List<Double> writes = run.labelMs.stream().sorted().toList();
        metrics.put(prefix + "label_p50_ms", round(percentile(steps, 0.50)));
        metrics.put(prefix + "label_p99_ms", round(percentile(steps, 0.99)));
        metrics.put(prefix + "label_write_p50_ms", round(percentile(writes, 0.50)));
        metrics.put(prefix + "label_write_p99_ms", round(percentile(writes, 0.99)));
        metrics.put(prefix + "labels_per_s", round(run.acknowledged.size() / seconds));
        metrics.merge("labels_acknowledged", run.acknowledged.size(), (a, b) -> (Integer) a + (Integer) b);
        metrics.merge("labels_acknowledged_twice", run.twice.size(), (a, b) -> (Integer) a + (Integer) b);
        return run.acknowledged;
    }

    /**
     * The cost of reading your own writes: a search page right after one's own label (the dataset is refreshed first,
     * see DatasetService) against the same page with no write before it.
     */
    private static void readOwnWrites(DatasetService datasets, int samples, Map<String, Object> metrics) {
        List<Double> afterWrite = new ArrayList<>();
        List<Double> withoutWrite = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            datasets.annotate("bench-import", "rec-" + i, 0, LABELS.get(i % LABELS.size()), "bench");
            long t0 = System.nanoTime();
            datasets.search("bench-import", RecordQuery.all().withStatuses(RecordStatus.VALIDATED), 10, null);
            long t1 = System.nanoTime();
            datasets.search("bench-import", RecordQuery.all().withStatuses(RecordStatus.VALIDATED), 10, null);
            withoutWrite.add((System.nanoTime() - t1) / 1e6);
            afterWrite.add((t1 - t0) / 1e6);
        }
        afterWrite.sort(null);
        withoutWrite.sort(null);
        metrics.put("read_after_own_write_p50_ms", round(percentile(afterWrite, 0.50)));
        metrics.put("read_after_own_write_p99_ms", round(percentile(afterWrite, 0.99)));
        metrics.put("read_without_write_p50_ms", round(percentile(withoutWrite, 0.50)));
        metrics.put("read_without_write_p99_ms", round(percentile(withoutWrite, 0.99)));
    }

    private static void fillQueue(DatasetService datasets, LabelingQueueService queue, String name, int total) {
        datasets.create(name, LABELS);
        List<TextRecord> logged = new ArrayList<>();
        List<QueueItem> items = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            logged.add(TextRecord.of("q" + i, "queued text " + i, Map.of()));
            items.add(new QueueItem("q" + i, 1.0 - (double) i / total));
        }
        datasets.log(name, logged);
        queue.fill(name, items);
    }

    /** The annotators of one run and what they measured. */
    private record Run(LabelingQueueService queue, String dataset, int thinkMs, Map<String, String> acknowledged,
                       List<Double> stepMs, List<Double> labelMs, List<String> twice) {

        Run(LabelingQueueService queue, String dataset, int thinkMs) {
            this(queue, dataset, thinkMs, new ConcurrentHashMap<>(), Collections.synchronizedList(new ArrayList<>()),
                    Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
        }

        Void annotate(String annotator, Random random) throws InterruptedException {
            try (ClaimAhead session = queue.claimAhead(dataset, annotator)) {
                Optional<Claim> claim = session.next();
                for (int n = 0; claim.isPresent(); n++) {
                    think(random);
                    long t0 = System.nanoTime();
                    queue.label(claim.get(), LABELS.get(n % LABELS.size()));
                    long t1 = System.nanoTime();
                    if (acknowledged.putIfAbsent(dataset + "/" + claim.get().recordId(), annotator) != null) {
                        twice.add(claim.get().recordId());
                    }
                    claim = session.next();
                    labelMs.add((t1 - t0) / 1e6);
                    stepMs.add((System.nanoTime() - t0) / 1e6);
                }
            }
            return null;
        }

        /** A human reads and decides: uniformly between half and one and a half times the mean. */
        private void think(Random random) throws InterruptedException {
            if (thinkMs > 0) {
                Thread.sleep(thinkMs / 2 + random.nextInt(thinkMs + 1));
            }
        }
    }

    /** After a restart: every acknowledged label is stored with the annotator who got the acknowledgement. */
    private static void verify(DatasetService datasets, Map<String, String> acknowledged, Map<String, Object> metrics) {
        Map<String, String> stored = new HashMap<>();
        for (String name : List.of(PACED, SATURATED)) {
            datasets.refresh(name);
            try (var records = datasets.stream(name, RecordQuery.all().withStatuses(RecordStatus.VALIDATED))) {
                records.forEach(r -> stored.put(name + "/" + r.id(), r.annotation().annotator()));
            }
        }
        long lost = acknowledged.entrySet().stream().filter(e -> !e.getValue().equals(stored.get(e.getKey()))).count();
        long unexpected = stored.keySet().stream().filter(id -> !acknowledged.containsKey(id)).count();
        metrics.put("lost_labels", lost);
        // twice: one record acknowledged to two annotators; unexpected: a stored label nobody was acknowledged for
        long twice = ((Number) metrics.get("labels_acknowledged_twice")).longValue();
        metrics.put("duplicate_labels", twice + unexpected);
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
