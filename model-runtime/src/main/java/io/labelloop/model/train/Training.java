package io.labelloop.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.TensorData;
import io.labelloop.model.infer.Batches;
import io.labelloop.model.infer.Classifier;
import io.labelloop.model.infer.Classifiers;
import io.labelloop.model.nn.BertEncoderBlock;
import io.labelloop.model.nn.ClassifierBlock;
import io.labelloop.model.nn.ClassifierHeadBlock;
import io.labelloop.model.nn.HeadConfig;
import io.labelloop.model.text.TextTokenizer;
import io.labelloop.model.weights.PretrainedEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run: tokenise, then either train the head on cached features (HEAD) or the whole network
 * (FULL) with AdamW, warm-up and decay, early stopping on the eval loss; finally build the classifier from
 * the best weights.
 *
 * <p>PyTorch's autograd allows one gradient collector per JVM at a time, so runs are serialised.
 */
public final class Training {

    private static final Logger LOG = LoggerFactory.getLogger(Training.class);

    private static final Object ONE_AT_A_TIME = new Object();
    private static final float INIT_STD = 0.02f;
    private static final int EVAL_BATCH = 64;

    private final Classifiers classifiers;
    private final TrainingPlan req;
    private final Classifier base;

    /**
     * @param classifiers the runtime's classifiers: the shared encoder, and where the result is made
     * @param req what to train
     * @param base the classifier whose weights training starts from, or null for the shared encoder with a fresh head
     */
    public Training(Classifiers classifiers, TrainingPlan req, Classifier base) {
        this.classifiers = classifiers;
        this.req = req;
        this.base = base;
    }

    /**
     * The trained classifier, before its evaluation.
     *
     * @param model the classifier made from the best weights (the caller closes it)
     * @param seconds wall-clock seconds of training, embeddings included
     * @param history per-epoch losses
     */
    public record Result(Classifier model, double seconds, List<ProgressListener.EpochProgress> history) {
    }

    /** Runs the training; one run at a time in this JVM. */
    public Result run() {
        synchronized (ONE_AT_A_TIME) {
            long start = System.nanoTime();
            Engine.getEngine("PyTorch").setRandomSeed((int) req.seed());
            Data data = tokenize();
            Random random = new Random(req.seed());
            Map<String, TensorData> head = startHead(random);
            Outcome outcome = req.mode() == TrainingMode.HEAD ? headOnly(data, head, random, start) : full(data, head, random, start);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(assemble(outcome.weights), seconds, outcome.history);
        }
    }

    // ----- data and starting point

    private record Data(long[][] trainIds, int[] trainY, long[][] evalIds, int[] evalY) {
    }

    private Data tokenize() {
        TextTokenizer tok = tokenizer();
        return new Data(tok.encode(texts(req.trainExamples()), req.maxLength()), labels(req.trainExamples()),
                tok.encode(texts(req.evalExamples()), req.maxLength()), labels(req.evalExamples()));
    }

    private TextTokenizer tokenizer() {
        return base != null ? base.tokenizer() : classifiers.sharedTokenizer(req.baseModel());
    }

    private static List<String> texts(List<Example> examples) {
        return examples.stream().map(Example::text).toList();
    }

    private int[] labels(List<Example> examples) {
        return examples.stream().mapToInt(e -> req.labels().indexOf(e.label())).toArray();
    }

    private HeadConfig headConfig() {
        return base != null ? base.block().head().config() : req.baseModel().sentenceHead();
    }

    private BertEncoderBlock baseEncoder() {
        return base != null ? base.block().encoder() : classifiers.sharedEncoder(req.baseModel());
    }

    /** The base's head when its labels are the request's; otherwise its dense layer (if any) and a fresh seeded classifier. */
    private Map<String, TensorData> startHead(Random random) {
        Map<String, TensorData> head = new LinkedHashMap<>();
        if (base != null) {
            for (TensorData t : base.weights(false)) {
                boolean classifier = t.name().equals(ClassifierHeadBlock.WEIGHT) || t.name().equals(ClassifierHeadBlock.BIAS);
                if (t.name().startsWith("head.") && (!classifier || base.labels().equals(req.labels()))) {
                    head.put(t.name(), t);
                }
            }
        }
        if (!head.containsKey(ClassifierHeadBlock.WEIGHT)) {
            int hidden = baseEncoder().config().hidden();
            int labels = req.labels().size();
            float[] w = new float[labels * hidden];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) random.nextGaussian() * INIT_STD;
            }
            head.put(ClassifierHeadBlock.WEIGHT, new TensorData(ClassifierHeadBlock.WEIGHT, new long[] {labels, hidden}, w));
            head.put(ClassifierHeadBlock.BIAS, new TensorData(ClassifierHeadBlock.BIAS, new long[] {labels}, new float[labels]));
        }
        return head;
    }

    // ----- head-only

    private Outcome headOnly(Data data, Map<String, TensorData> startHead, Random random, long start) {
        float[][] trainF;
        float[][] evalF;
        if (base != null) {
            trainF = base.features(data.trainIds, EVAL_BATCH);
            evalF = base.features(data.evalIds, EVAL_BATCH);
        } else {
            try (Classifier probe = classifiers.probe(req.baseModel(), req.labels())) {
                trainF = probe.features(data.trainIds, EVAL_BATCH);
                evalF = probe.features(data.evalIds, EVAL_BATCH);
            }
        }
        int hidden = baseEncoder().config().hidden();
        try (NDManager m = classifiers.newSubManager()) {
            ClassifierHeadBlock head = new ClassifierHeadBlock(headConfig(), TensorData.toArrays(m, startHead.values()),
                    hidden, req.labels().size(), req.dropout());
            Forward forward = (bm, batch, training) -> head.forward(new ParameterStore(bm, false),
                    new NDList(rows(bm, training ? trainF : evalF, batch)), training).singletonOrThrow(); // (B, C)
            return new Loop(m, params(head), Set.of(), forward, data, null, start).run(random);
        }
    }

    private static NDArray rows(NDManager m, float[][] features, int[] batch) {
        int width = features[0].length;
        float[] flat = new float[batch.length * width];
        for (int b = 0; b < batch.length; b++) {
            System.arraycopy(features[batch[b]], 0, flat, b * width, width);
        }
        return m.create(flat, new Shape(batch.length, width)); // (B, H)
    }

    // ----- full fine-tuning

    private Outcome full(Data data, Map<String, TensorData> startHead, Random random, long start) {
        try (NDManager m = classifiers.newSubManager()) {
            Map<String, NDArray> encoderArrays = new LinkedHashMap<>();
            for (Parameter p : params(baseEncoder())) {
                if (frozen(p.getName())) {
                    encoderArrays.put(p.getName(), p.getArray()); // shared, never updated
                } else {
                    NDArray copy = p.getArray().duplicate();
                    copy.attach(m);
                    encoderArrays.put(p.getName(), copy);
                }
            }
            // Only this encoder, the one being trained, drops: head-only features and the result stay deterministic.
            BertEncoderBlock encoder = new BertEncoderBlock(baseEncoder().config(), encoderArrays, req.encoderDropout());
            ClassifierHeadBlock head = new ClassifierHeadBlock(headConfig(), TensorData.toArrays(m, startHead.values()),
                    encoder.config().hidden(), req.labels().size(), req.dropout());
            ClassifierBlock block = new ClassifierBlock(encoder, head);
            Set<String> headIds = new HashSet<>();
            params(head).forEach(p -> headIds.add(p.getId()));
            long padId = tokenizer().padId();
            Forward forward = (bm, batch, training) -> {
                long[][] ids = training ? data.trainIds : data.evalIds;
                NDArray idArray = Batches.ids(bm, ids, batch, padId, 0); // (B, S)
                NDArray mask = Batches.mask(bm, ids, batch, 0); // (B, S)
                return block.forward(new ParameterStore(bm, false), new NDList(idArray, mask), training).singletonOrThrow(); // (B, C)
            };
            List<Parameter> trainable = params(block).stream().filter(p -> !frozen(p.getName())).toList();
            return new Loop(m, trainable, headIds, forward, data, data.trainIds, start).run(random);
        }
    }

    private boolean frozen(String parameterName) {
        return !req.trainWordEmbeddings() && parameterName.equals("embeddings.word_embeddings.weight");
    }

    private static List<Parameter> params(Block block) {
        List<Parameter> list = new ArrayList<>();
        block.getParameters().forEach(pair -> list.add(pair.getValue()));
        return list;
    }

    // ----- the optimisation loop shared by both modes

    @FunctionalInterface
    private interface Forward {
        /** Logits (B, C) of the given training (or eval) indices, in the batch manager. */
        NDArray logits(NDManager batchManager, int[] batch, boolean training);
    }

    private record Outcome(Map<String, TensorData> weights, List<ProgressListener.EpochProgress> history) {
    }

    private final class Loop {
        private final NDManager manager;
        private final List<Parameter> params;
        private final Forward forward;
        private final Data data;
        private final long[][] lengthsFrom;
        private final long start;
        private final Optimizer optimizer;
        private final int stepsPerEpoch;
        private final NonFiniteLosses nonFinite = new NonFiniteLosses();

        /**
         * @param headIds ids of the parameters that get the head learning rate (all of them when {@code lengthsFrom} is null,
         *     i.e. head-only training on cached features)
         * @param lengthsFrom token ids whose lengths group full fine-tuning batches, or null for head-only training
         */
        Loop(NDManager manager, List<Parameter> params, Set<String> headIds, Forward forward, Data data,
             long[][] lengthsFrom, long start) {
            this.manager = manager;
            this.params = params;
            this.forward = forward;
            this.data = data;
            this.lengthsFrom = lengthsFrom;
            this.start = start;
            this.stepsPerEpoch = (data.trainY.length + req.batchSize() - 1) / req.batchSize();
            int total = stepsPerEpoch * req.epochs();
            Set<String> headLr = new HashSet<>(headIds);
            if (lengthsFrom == null) {
                params.forEach(p -> headLr.add(p.getId()));
            }
            optimizer = Optimizer.adamW()
                    .optLearningRateTracker(new LearningRateSchedule(headLr, req.learningRate(), req.headLearningRate(),
                            Math.round(total * req.warmupFraction()), total))
                    .optWeightDecays(req.weightDecay())
                    .build();
            params.forEach(p -> p.getArray().setRequiresGradient(true));
        }

        Outcome run(Random random) {
            List<ProgressListener.EpochProgress> history = new ArrayList<>();
            Map<String, TensorData> best = null;
            double bestLoss = Double.MAX_VALUE;
            int stale = 0;
            boolean evaluated = data.evalY.length > 0;
            for (int epoch = 1; epoch <= req.epochs(); epoch++) {
                double trainLoss = epoch(epoch, random);
                double evalLoss = evaluated ? evalLoss(epoch) : Double.NaN;
                var progress = new ProgressListener.EpochProgress(epoch, req.epochs(), trainLoss, evalLoss,
                        (System.nanoTime() - start) / 1e9, nonFinite.nextEpoch());
                history.add(progress);
                if (req.progressListener() != null) {
                    req.progressListener().onEpoch(progress);
                }
                if (!evaluated || evalLoss < bestLoss - 1e-4) {
                    bestLoss = evaluated ? evalLoss : bestLoss;
                    best = evaluated ? snapshot() : null;
                    stale = 0;
                } else if (++stale >= req.patience()) {
                    break;
                }
            }
            if (nonFinite.total() > 0) {
                LOG.warn("training skipped {} of {} steps whose loss was not finite", nonFinite.total(), stepsPerEpoch * history.size());
            }
            return new Outcome(best != null ? best : snapshot(), history);
        }

        private double epoch(int epoch, Random random) {
            double sum = 0;
            int counted = 0;
            List<int[]> batches = trainingBatches(random);
            for (int i = 0; i < batches.size(); i++) {
                int[] batch = batches.get(i);
                try (NDManager bm = manager.newSubManager()) {
                    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                        NDArray loss = crossEntropy(bm, forward.logits(bm, batch, true), data.trainY, batch);
                        float batchLoss = loss.getFloat();
                        if (!nonFinite.accept(batchLoss)) {
                            skip(epoch, i + 1, batches.size(), batchLoss);
                            continue;
                        }
                        // Gradients accumulate in PyTorch: each batch starts from zeros, whatever the last one left.
                        params.forEach(p -> Gradients.zero(p.getArray()));
                        collector.backward(loss);
                        sum += batchLoss * batch.length;
                        counted += batch.length;
                    }
                    step();
                }
            }
            if (counted == 0) {
                throw diverged("in epoch " + epoch, "no batch of the epoch (batches: " + batches.size() + ") had a finite loss");
            }
            return sum / counted;
        }

        private void skip(int epoch, int batch, int batches, float loss) {
            if (nonFinite.diverged()) {
                throw diverged(at(epoch, batch, batches), "the loss was " + loss + " for " + nonFinite.inARow() + " batches in a row");
            }
            LOG.warn("{}: the loss is {}; the step is skipped", at(epoch, batch, batches), loss);
        }

        private static String at(int epoch, int batch, int batches) {
            return "at epoch " + epoch + ", batch " + batch + " of " + batches;
        }

        private ModelException diverged(String where, String what) {
            String weights = Gradients.firstNonFinite(params).map(name -> "the weights are no longer finite (first: " + name + ")")
                    .orElse("the weights are still finite");
            return new ModelException("training diverged " + where + ": " + what + "; " + weights + ". Lower the learning rate "
                    + "(learningRate " + req.learningRate() + ", headLearningRate " + req.headLearningRate() + ")");
        }

        private void step() {
            for (Parameter p : params) {
                NDArray weight = p.getArray();
                try (NDArray grad = weight.getGradient()) {
                    optimizer.update(p.getId(), weight, grad);
                }
            }
        }

        private double evalLoss(int epoch) {
            double sum = 0;
            for (int[] batch : Batches.plan(data.evalIds, EVAL_BATCH)) {
                try (NDManager bm = manager.newSubManager()) {
                    sum += crossEntropy(bm, forward.logits(bm, batch, false), data.evalY, batch).getFloat() * batch.length;
                }
            }
            double loss = sum / data.evalY.length;
            if (!Double.isFinite(loss)) {
                // Broken weights; taken for "no eval examples", this made training drop its best weights for the last ones.
                throw diverged("after epoch " + epoch, "the loss on the " + data.evalY.length + " evaluation examples was " + loss);
            }
            return loss;
        }

        /** Shuffled batches; for full fine-tuning, texts of similar length are grouped to pad less. */
        private List<int[]> trainingBatches(Random random) {
            int n = data.trainY.length;
            List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            Collections.shuffle(order, random);
            int b = req.batchSize();
            if (lengthsFrom != null) {
                int chunk = b * 8;
                for (int from = 0; from < n; from += chunk) {
                    order.subList(from, Math.min(n, from + chunk)).sort(Comparator.comparingInt(i -> lengthsFrom[i].length));
                }
            }
            List<int[]> batches = new ArrayList<>();
            for (int from = 0; from < n; from += b) {
                batches.add(order.subList(from, Math.min(n, from + b)).stream().mapToInt(Integer::intValue).toArray());
            }
            Collections.shuffle(batches, random);
            return batches;
        }

        private Map<String, TensorData> snapshot() {
            Map<String, TensorData> weights = new LinkedHashMap<>();
            for (Parameter p : params) {
                NDArray a = p.getArray();
                weights.put(p.getName(), new TensorData(p.getName(), a.getShape().getShape(), a.toFloatArray()));
            }
            return weights;
        }
    }

    /** Mean cross-entropy of logits (B, C) against the gold label indices of the batch. */
    private NDArray crossEntropy(NDManager bm, NDArray logits, int[] gold, int[] batch) {
        int classes = req.labels().size();
        float[] oneHot = new float[batch.length * classes];
        for (int b = 0; b < batch.length; b++) {
            oneHot[b * classes + gold[batch[b]]] = 1f;
        }
        NDArray target = bm.create(oneHot, new Shape(batch.length, classes)); // (B, C)
        // Not div(Number): DJL wraps the number in a from_blob array it closes at once, which autograd reads in the backward
        // pass after the GC may have freed it (see Blocks.scalar). full() allocates in PyTorch.
        NDArray divisor = bm.full(new Shape(), (float) -batch.length);
        return logits.logSoftmax(1).mul(target).sum().div(divisor);
    }

    // ----- the result

    private Classifier assemble(Map<String, TensorData> trained) {
        boolean encoderTrained = req.mode() == TrainingMode.FULL;
        String shared = base != null ? base.sharedEncoder() : req.baseModel().sharedId();
        if (!encoderTrained && shared != null) {
            return classifiers.sentenceClassifier(PretrainedEncoder.bySharedId(shared), req.labels(), trained);
        }
        Map<String, TensorData> all = new LinkedHashMap<>();
        for (Parameter p : params(baseEncoder())) {
            if (!trained.containsKey(p.getName())) {
                NDArray a = p.getArray();
                all.put(p.getName(), new TensorData(p.getName(), a.getShape().getShape(), a.toFloatArray()));
            }
        }
        all.putAll(trained);
        return classifiers.ownClassifier(baseEncoder().config(), headConfig(), all, tokenizer().json(), tokenizer().prefix(),
                req.labels(), "training");
    }
}
