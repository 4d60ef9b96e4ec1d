package io.labelloop.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.labelloop.dataset.CsvTable;
import io.labelloop.model.EncoderInfo;
import io.labelloop.model.Evaluation;
import io.labelloop.model.LabelDescription;
import io.labelloop.model.LabelSetFile;
import io.labelloop.model.ModelRuntime;
import io.labelloop.model.ScoringOptions;
import io.labelloop.model.TextClassifier;
import io.labelloop.model.TrainingRequest;
import io.labelloop.model.TrainingResult;
import io.labelloop.model.core.Prediction;
import io.labelloop.model.infer.ScoringWorkers;
import io.labelloop.model.train.Example;
import io.labelloop.model.train.TrainingMode;
import io.labelloop.model.weights.PretrainedEncoder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The model benchmark behind {@link ModelBenchSuite}: scoring throughput with dynamic padding and
 * with everything padded to 512 tokens, the engine's fp32 GEMM speed and the fraction of it the encoder
 * reaches, full and head-only training speed, and zero-shot accuracy when labels are known. All figures come
 * from one run on one engine.
 */
final class ModelBench {

    /** Matrix size of the GEMM probe. */
    static final int GEMM_SIZE = 1024;
    /** Labelled examples for the training figures. */
    static final int TRAIN_EXAMPLES = 300;
    /** Epochs of the full fine-tuning figure. */
    static final int FULL_EPOCHS = 4;

    private final Options options;
    private final PrintStream log;

    /**
     * What to run.
     *
     * @param data the CSV file with a header row
     * @param textColumn the column holding the texts
     * @param labelColumn the column holding gold labels, or null (then training uses the zero-shot predictions as labels)
     * @param labelSet the label set file for the zero-shot classifier
     * @param threads engine threads (0 = engine default)
     * @param limit score at most this many records (0 = all)
     * @param batchSize scoring batch size
     * @param pad512Sample records in the padded-to-512 measurement
     * @param pad512BatchSize batch size of the padded-to-512 measurement (small: a 512-token batch of 32 needs GBs)
     * @param seed sampling and training seed
     * @param baseModels the pretrained encoders to measure, by loop-file name
     */
    record Options(Path data, String textColumn, String labelColumn, Path labelSet, int threads, int limit, int batchSize,
                          int pad512Sample, int pad512BatchSize, long seed, List<String> baseModels) {
    }

    /** Records whose encoder-only embedding rate is measured (a sample: the rate, not the vectors, is wanted). */
    static final int EMBEDDING_SAMPLE = 2000;

    /**
     * @param options what to run
     * @param log progress lines
     */
    ModelBench(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Runs the benchmark.
     *
     * @return the figures as nested maps, ready to be written as JSON
     * @throws Exception when the data cannot be read or a model step fails
     */
    Map<String, Object> run() throws Exception {
        CsvTable csv = CsvTable.read(options.data());
        List<String> texts = limit(csv.values(options.textColumn(), "--text-column"));
        List<String> gold = options.labelColumn() == null ? null
                : limit(csv.values(options.labelColumn(), "--label-column"));
        List<LabelDescription> labels = LabelSetFile.read(options.labelSet());
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("data", options.data().toString());
        conditions.put("records", texts.size());
        conditions.put("threads", options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors());
        conditions.put("cores", Runtime.getRuntime().availableProcessors());
        conditions.put("omp_wait_policy", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        conditions.put("batch_size", options.batchSize());
        result.put("conditions", conditions);
        Map<String, Object> models = new LinkedHashMap<>();
        result.put("base_models", models);
        try (ModelRuntime runtime = ModelRuntime.builder().optThreads(options.threads()).optBatchSize(options.batchSize()).build()) {
            for (String baseModel : options.baseModels()) {
                log.println("== base model " + baseModel);
                models.put(baseModel, baseModel(runtime, baseModel, labels, texts, gold));
            }
        }
        return result;
    }

    private Map<String, Object> baseModel(ModelRuntime runtime, String baseModel, List<LabelDescription> labels,
                                          List<String> texts, List<String> gold) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (TextClassifier zeroShot = runtime.zeroShot(baseModel, labels)) {
            List<Prediction> predictions = scoring(zeroShot, texts, result);
            PeerFigures.measure(PretrainedEncoder.named(baseModel), options.threads(), options.batchSize(), texts, result, log);
            embedding(zeroShot, texts, result);
            if (gold != null) {
                result.put("zero_shot", zeroShotAccuracy(zeroShot, texts, gold, predictions));
            }
            List<String> trainLabels = gold != null ? gold : predictions.stream().map(Prediction::label).toList();
            result.put("training", training(runtime, baseModel, zeroShot.labels(), texts, trainLabels));
        }
        return result;
    }

    /** The encoder alone (no head, no softmax) on a sample, and tokenisation alone on every text. */
    private void embedding(TextClassifier zeroShot, List<String> texts, Map<String, Object> result) {
        List<String> sample = sample(texts, EMBEDDING_SAMPLE);
        long t0 = System.nanoTime();
        zeroShot.embed(sample);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("records_per_s", round(sample.size() / seconds));
        e.put("sample", sample.size());
        result.put("embedding", e);
        long t1 = System.nanoTime();
        zeroShot.tokenCounts(texts);
        double tokenSeconds = (System.nanoTime() - t1) / 1e9;
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("records_per_s", round(texts.size() / tokenSeconds));
        double scoringRate = (double) ((Map<?, ?>) result.get("scoring")).get("records_per_s");
        t.put("share_of_scoring_time", round4(scoringRate / (texts.size() / tokenSeconds)));
        result.put("tokenizer", t);
        log.println("embedding: " + e + ", tokenizer: " + t);
    }

    private List<String> limit(List<String> list) {
        return options.limit() > 0 && list.size() > options.limit() ? list.subList(0, options.limit()) : list;
    }

    private List<Prediction> scoring(TextClassifier classifier, List<String> texts, Map<String, Object> result) {
        Map<String, Object> s = new LinkedHashMap<>();
        result.put("scoring", s);
        classifier.predict(texts.subList(0, Math.min(256, texts.size()))); // warm-up
        double gemmBefore = gemmGflops();
        log.println("scoring " + texts.size() + " records, length-sorted batches of " + options.batchSize() + " ...");
        long t0 = System.nanoTime();
        List<Prediction> predictions = classifier.predict(texts);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = texts.size() / seconds;
        s.put("records_per_s", round(perSecond));
        s.put("batch_size", options.batchSize());
        s.put("seconds", round(seconds));

        List<String> sample = sample(texts, options.pad512Sample());
        log.println("scoring " + sample.size() + " records padded to 512 tokens in batches of " + options.pad512BatchSize() + " ...");
        long t1 = System.nanoTime();
        classifier.predict(sample, new ScoringOptions(options.pad512BatchSize(), 512, true));
        double padSeconds = (System.nanoTime() - t1) / 1e9;
        s.put("records_per_s_pad512", round(sample.size() / padSeconds));
        s.put("pad512_sample", sample.size());
        s.put("pad512_batch_size", options.pad512BatchSize());
        s.put("speedup_vs_pad512", round(perSecond / (sample.size() / padSeconds)));

        // The higher of two probes around the scoring run: on a shared machine this is the conservative choice
        // (the fraction is computed against the best the engine showed, not against a slowed-down probe).
        // Scoring runs several batches at once (ScoringWorkers), so the limit is also probed that way: the fraction
        // is taken against whichever way of multiplying gets more out of the machine.
        double gemmAfter = gemmGflops();
        int workers = ScoringWorkers.count();
        double gemmConcurrent = workers > 1 ? gemmGflops(workers) : 0;
        double gflops = Math.max(Math.max(gemmBefore, gemmAfter), gemmConcurrent);
        s.put("gemm_gflops_probes", List.of(round(gemmBefore), round(gemmAfter)));
        s.put("scoring_workers", workers);
        s.put("gemm_gflops_concurrent_probe", round(gemmConcurrent));
        double gflopPerRecord = gflopPerRecord(classifier, texts);
        s.put("gemm_gflops", round(gflops));
        s.put("model_gflop_per_record", round4(gflopPerRecord));
        s.put("mean_tokens", round(mean(classifier.tokenCounts(texts))));
        s.put("fraction_of_gemm_limit", round4(perSecond * gflopPerRecord / gflops));
        log.println("scoring: " + s);
        return predictions;
    }

    private List<String> sample(List<String> texts, int size) {
        List<String> copy = new ArrayList<>(texts);
        Collections.shuffle(copy, new Random(options.seed()));
        return copy.subList(0, Math.min(size, copy.size()));
    }

    /** Total fp32 GFLOP/s of {@code callers} threads each multiplying as {@link #gemmGflops()} does, all at once. */
    static double gemmGflops(int callers) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Double>> each = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                each.add(pool.submit((Callable<Double>) ModelBench::gemmGflops));
            }
            double total = 0;
            for (Future<Double> f : each) {
                total += f.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GEMM probe interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("GEMM probe failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** fp32 GFLOP/s of repeated {@value #GEMM_SIZE}-square matrix products on the same engine. */
    static double gemmGflops() {
        try (NDManager m = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
            NDArray a = m.randomUniform(-1, 1, new Shape(GEMM_SIZE, GEMM_SIZE), DataType.FLOAT32);
            NDArray b = m.randomUniform(-1, 1, new Shape(GEMM_SIZE, GEMM_SIZE), DataType.FLOAT32);
            for (int i = 0; i < 3; i++) {
                a.matMul(b).close();
            }
            int reps = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 3_000_000_000L || reps < 10) {
                a.matMul(b).close();
                reps++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return 2.0 * GEMM_SIZE * GEMM_SIZE * GEMM_SIZE * reps / seconds / 1e9;
        }
    }

    /** 2 x linear weights x real tokens, plus the two attention products (2 x 2 x S^2 x H per layer), averaged. */
    static double gflopPerRecord(TextClassifier classifier, List<String> texts) {
        EncoderInfo e = classifier.encoderInfo();
        double total = 0;
        for (int tokens : classifier.tokenCounts(texts)) {
            total += 2.0 * e.linearWeights() * tokens + 4.0 * e.layers() * (double) tokens * tokens * e.hidden();
        }
        return total / texts.size() / 1e9;
    }

    private Map<String, Object> zeroShotAccuracy(TextClassifier classifier, List<String> texts, List<String> gold, List<Prediction> predictions) {
        Evaluation e = Evaluation.of(classifier.labels(), gold, predictions.stream().map(Prediction::label).toList());
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("label_set", options.labelSet().toString());
        z.put("version", classifier.version());
        z.put("count", e.count());
        z.put("accuracy", round4(e.accuracy()));
        z.put("macro_f1", round4(e.macroF1()));
        z.put("confusion", e.confusionRows());
        z.put("labels", e.labels());
        long below = predictions.stream().filter(p -> p.maxScore() < 0.6f).count();
        z.put("fraction_max_score_below_0_6", round4((double) below / predictions.size()));
        log.println("zero-shot: " + z);
        return z;
    }

    private Map<String, Object> training(ModelRuntime runtime, String baseModel, List<String> labels, List<String> texts,
                                         List<String> trainLabels) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (labels.contains(trainLabels.get(i))) {
                examples.add(new Example("r" + i, texts.get(i), trainLabels.get(i)));
            }
        }
        Collections.shuffle(examples, new Random(options.seed()));
        List<Example> train = examples.subList(0, Math.min(TRAIN_EXAMPLES, examples.size()));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("train_examples", train.size());
        t.put("labels_from", options.labelColumn() != null ? "column " + options.labelColumn() : "zero-shot predictions");
        log.println("head-only training on " + train.size() + " examples ...");
        try (TrainingResult head = runtime.train(request(baseModel, labels, train, TrainingMode.HEAD, 0))) {
            t.put("head_seconds_300", round(head.trainSeconds()));
            t.put("head_epochs", head.epochsRun());
        }
        log.println("full fine-tuning on " + train.size() + " examples x " + FULL_EPOCHS + " epochs ...");
        try (TrainingResult full = runtime.train(request(baseModel, labels, train, TrainingMode.FULL, FULL_EPOCHS))) {
            t.put("full_seconds", round(full.trainSeconds()));
            t.put("full_epochs", full.epochsRun());
            t.put("full_examples_per_s", round(train.size() * (double) full.epochsRun() / full.trainSeconds()));
            t.put("full_batch_size", TrainingRequest.DEFAULT_BATCH_SIZE);
        }
        log.println("training: " + t);
        return t;
    }

    private TrainingRequest request(String baseModel, List<String> labels, List<Example> train, TrainingMode mode, int epochs) {
        TrainingRequest.Builder b = TrainingRequest.builder().setLabels(labels).setTrainExamples(train).optMode(mode)
                .optSeed(options.seed()).optBaseModel(baseModel);
        return (epochs > 0 ? b.optEpochs(epochs) : b).build();
    }

    private static double mean(int[] values) {
        double s = 0;
        for (int v : values) {
            s += v;
        }
        return values.length == 0 ? 0 : s / values.length;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
