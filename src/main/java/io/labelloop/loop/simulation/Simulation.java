package io.labelloop.loop.simulation;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.ImportFormat;
import io.labelloop.dataset.ImportOptions;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.Split;
import io.labelloop.dataset.TextRecord;
import io.labelloop.loop.LoopCatalog;
import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopEvents;
import io.labelloop.model.LabelDescription;
import io.labelloop.model.LabelSetFile;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelStatus;
import io.labelloop.registry.ModelVersion;
import io.labelloop.stopping.KappaStep;
import io.labelloop.stopping.StoppingService;
import io.labelloop.stopping.WhenToStop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import java.util.TreeSet;

/**
 * Runs a loop's own routes against a simulated annotator: prepares the dataset (unlabeled pool, labeled held-out
 * set), applies the options to the loop, starts the routes, labels a batch, waits for the loop to retrain and
 * refill, and repeats until the budget is spent. The curve comes from the evaluations the routes ran.
 */
public final class Simulation {

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
    /** The simulated annotator labels in bursts: a short debounce keeps the run fast. */
    static final long DEBOUNCE_MS = 300;
    static final Duration ITERATION_TIMEOUT = Duration.ofMinutes(60);
    static final String GOLD_ANNOTATOR = "simulation-gold";

    private final ConfigurableApplicationContext context;
    private final LoopCatalog catalog;
    private final DatasetService datasets;
    private final LabelingQueueService queue;
    private final ModelRegistry registry;
    private final StoppingService stopping;
    private final CamelContext camel;
    private final List<LoopEvents.VersionEvaluated> evaluations = new CopyOnWriteArrayList<>();
    private final List<LoopEvents.QueueFilled> fills = new CopyOnWriteArrayList<>();

    public Simulation(ConfigurableApplicationContext context) {
        this.context = context;
        this.catalog = context.getBean(LoopCatalog.class);
        this.datasets = context.getBean(DatasetService.class);
        this.queue = context.getBean(LabelingQueueService.class);
        this.registry = context.getBean(ModelRegistry.class);
        this.stopping = context.getBean(StoppingService.class);
        this.camel = context.getBean(CamelContext.class);
    }

    /** Runs the simulation and returns its learning curve; the routes must not have been started yet. */
    public LearningCurve run(SimulationOptions options, Path workDir) throws Exception {
        LoopConfig loop = configure(options);
        SimulationData data = prepare(loop, options, workDir);
        context.addApplicationListener(event -> collect(loop.name(), event));
        startRoutes(loop);
        awaitIterations(loop, 1);
        List<String> notes = new ArrayList<>();
        SimulatedAnnotator annotator = new SimulatedAnnotator(queue, loop.dataset(), data.truth());
        int labeled = 0;
        int budget = options.budget() - options.budget() % options.batch();
        if (budget != options.budget()) {
            notes.add("budget rounded down to " + budget + ", a multiple of the batch " + options.batch());
        }
        while (labeled < budget) {
            int n = annotator.label(Math.min(options.batch(), budget - labeled), Duration.ofSeconds(30));
            labeled += n;
            LOG.info("simulation: {} labels given", labeled);
            if (n < options.batch()) {
                notes.add("the queue ran dry after " + labeled + " labels (pool exhausted)");
                break;
            }
            awaitIterations(loop, 1 + labeled / options.batch());
        }
        notes.addAll(windowNotes(options));
        Map<String, Object> config = new LinkedHashMap<>(options.describe());
        config.put("promote", loop.promotion().policy().id());
        config.put("base_model", loop.baseModel());
        config.put("head_epochs", loop.training().headEpochs() > 0 ? loop.training().headEpochs() : "runtime default");
        List<KappaStep> kappas = stopping.kappas(loop.name());
        List<LearningCurve.Point> points = withKappas(points(loop), kappas);
        return LearningCurve.of(config, points, notes, stoppingOver(loop, points, kappas));
    }

    private LoopConfig configure(SimulationOptions o) {
        catalog.update(o.loop(), c -> {
            Map<String, String> properties = new HashMap<>(c.properties());
            // The simulation's own eval set (its file, or the pool's eval split), never the one the loop file names.
            if (o.eval() != null) {
                properties.put(LoopConfig.EVAL_DATASET, c.dataset() + "-eval");
            } else {
                properties.remove(LoopConfig.EVAL_DATASET);
            }
            return new LoopConfig(c.name(), c.source(), c.dataset(), c.labelSet(),
                    o.baseModel() == null ? c.baseModel() : o.baseModel(),
                    new LoopConfig.Selection(o.strategy(), o.minScore(), o.maxScore(), o.batch(), false,
                            o.warmStartRandom(), o.coverLabelsBelow() >= 0 ? o.coverLabelsBelow()
                            : c.selection().coverLabelsBelow()),
                    new LoopConfig.Training(o.batch(), o.trainMode(), o.seed(), DEBOUNCE_MS,
                            o.headEpochs() > 0 ? o.headEpochs() : c.training().headEpochs()),
                    o.promote() == null ? c.promotion() : new LoopConfig.Promotion(o.promote(), c.promotion().metric()),
                    c.queueLow(), properties);
        });
        return catalog.get(o.loop());
    }

    private SimulationData prepare(LoopConfig loop, SimulationOptions o, Path workDir) throws IOException {
        List<String> labels = LabelSetFile.read(catalog.properties().resolve(loop.labelSet())).stream()
                .map(LabelDescription::label).toList();
        SimulationData pool = SimulationData.read(o.data(), o.textColumn(), o.labelColumn(), o.poolSize(), o.seed(), "r");
        requireKnownLabels(pool, labels, o.data());
        datasets.create(loop.dataset(), labels, o.eval() == null ? o.evalFraction() : 0.0);
        datasets.importFile(loop.dataset(), pool.writeUnlabeled(workDir.resolve("pool.csv")),
                ImportOptions.of(ImportFormat.CSV).withText("text").withId("id").withStrict(true));
        datasets.refresh(loop.dataset());
        if (o.eval() == null) {
            labelEvalSplit(loop, pool);
        } else {
            SimulationData eval = SimulationData.read(o.eval(), o.textColumn(), o.labelColumn(), 0, o.seed(), "e");
            requireKnownLabels(eval, labels, o.eval());
            String evalDataset = loop.evalDataset();
            datasets.create(evalDataset, labels, 0.0); // every record of it is held out: the loop reads all of it
            datasets.importFile(evalDataset, eval.writeLabeled(workDir.resolve("eval.csv")),
                    ImportOptions.of(ImportFormat.CSV).withText("text").withId("id").withLabel("label").withStrict(true));
            datasets.refresh(evalDataset);
        }
        return pool;
    }

    /** Gives the held-out records their true labels: they are the eval set, never in the labeling pool. */
    private void labelEvalSplit(LoopConfig loop, SimulationData pool) {
        Map<String, List<String>> byLabel;
        try (Stream<TextRecord> eval = datasets.stream(loop.dataset(), RecordQuery.all().withSplit(Split.EVAL))) {
            byLabel = eval.map(TextRecord::id)
                    .collect(Collectors.groupingBy(pool.truth()::get, LinkedHashMap::new, Collectors.toList()));
        }
        byLabel.forEach((label, ids) -> datasets.annotate(loop.dataset(), ids, label, GOLD_ANNOTATOR));
        datasets.refresh(loop.dataset());
        LOG.info("simulation: {} held-out records labeled for evaluation",
                byLabel.values().stream().mapToInt(List::size).sum());
    }

    private static void requireKnownLabels(SimulationData data, List<String> labels, Path file) {
        Set<String> unknown = data.truth().values().stream().filter(l -> !labels.contains(l))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(file + ": labels " + unknown + " are not in the loop's label set "
                    + labels);
        }
    }

    /**
     * Starts the simulated loop's routes only (the convention of routes/*.yaml: the id is the loop's name or starts
     * with it and a dash): another shipped loop has no dataset in the simulation's fresh store.
     */
    private void startRoutes(LoopConfig loop) throws Exception {
        for (Route route : camel.getRoutes()) {
            String id = route.getRouteId();
            if (id.equals(loop.name()) || id.startsWith(loop.name() + "-")) {
                camel.getRouteController().startRoute(id);
            }
        }
    }

    private void collect(String loop, ApplicationEvent event) {
        if (event instanceof PayloadApplicationEvent<?> p) {
            if (p.getPayload() instanceof LoopEvents.VersionEvaluated e && e.loop().equals(loop)) {
                evaluations.add(e);
            } else if (p.getPayload() instanceof LoopEvents.QueueFilled f && f.loop().equals(loop)) {
                fills.add(f);
            }
        }
    }

    /** Waits until {@code count} versions were evaluated and no route has an exchange in flight. */
    private void awaitIterations(LoopConfig loop, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ITERATION_TIMEOUT.toMillis();
        int idleChecks = 0;
        while (idleChecks < 3) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("loop '" + loop.name() + "' did not finish iteration " + (count - 1)
                        + " within " + ITERATION_TIMEOUT + "; see the log for a failed route");
            }
            Thread.sleep(200);
            boolean done = distinctVersions() >= count && camel.getInflightRepository().size() == 0;
            idleChecks = done ? idleChecks + 1 : 0;
        }
    }

    private long distinctVersions() {
        return evaluations.stream().map(e -> e.evaluation().version()).distinct().count();
    }

    private List<LearningCurve.Point> points(LoopConfig loop) {
        Map<String, ModelVersion> stored = registry.history(loop.name()).stream()
                .collect(Collectors.toMap(ModelVersion::version, v -> v, (a, b) -> b));
        Map<String, LearningCurve.Point> points = new LinkedHashMap<>();
        for (LoopEvents.VersionEvaluated e : evaluations) {
            ModelVersion v = stored.get(e.evaluation().version());
            if (v == null || points.containsKey(v.version())) {
                continue;
            }
            points.put(v.version(), new LearningCurve.Point((int) v.trainingSize(), e.evaluation().accuracy(),
                    e.evaluation().macroF1(), orZero(v.metric(ModelVersion.TRAIN_SECONDS)),
                    orZero(v.metric(ModelVersion.SCORE_SECONDS)), v.version(),
                    v.status() == ModelStatus.CURRENT || v.status() == ModelStatus.RETIRED,
                    e.evaluation().evalRecords()));
        }
        return new ArrayList<>(points.values());
    }

    private static List<LearningCurve.Point> withKappas(List<LearningCurve.Point> points, List<KappaStep> kappas) {
        Map<String, Double> byVersion = kappas.stream().collect(Collectors.toMap(KappaStep::to, KappaStep::kappa,
                (a, b) -> b));
        return points.stream().map(p -> p.withKappa(byVersion.get(p.version()))).toList();
    }

    /** Where along the run the stabilizing-predictions rule first said stop, and what it says at the end. */
    private LearningCurve.Stopping stoppingOver(LoopConfig loop, List<LearningCurve.Point> points,
                                                List<KappaStep> kappas) {
        Map<String, Integer> labels = points.stream().collect(Collectors.toMap(LearningCurve.Point::version,
                LearningCurve.Point::labels, (a, b) -> b));
        Integer firstStop = null;
        for (int i = 1; i <= kappas.size() && firstStop == null; i++) {
            if (stopping.signal(kappas.subList(0, i)) == WhenToStop.Signal.STOP) {
                firstStop = labels.get(kappas.get(i - 1).to());
            }
        }
        WhenToStop end = stopping.status(loop.name());
        return new LearningCurve.Stopping(firstStop, end.signal().name(), end.meanKappa(), end.rule());
    }

    private List<String> windowNotes(SimulationOptions o) {
        return fills.stream().filter(f -> f.selection().filledBeyondWindow())
                .map(f -> String.format("at %d labels the score window %.2f..%.2f held %d records: the next %d most "
                                + "uncertain filled the batch", f.labels(), o.minScore(), o.maxScore(),
                        f.selection().inWindow(), f.selection().queued() - f.selection().inWindow()))
                .toList();
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    /** Writes the curve's JSON and the PNG beside it (same name, .png). */
    public static Path write(LearningCurve curve, Path json) throws IOException {
        curve.write(json);
        String name = json.getFileName().toString().replaceFirst("\\.json$", "") + ".png";
        Path png = json.toAbsolutePath().resolveSibling(name);
        CurvePlot.write(png, "Learning curve: " + curve.config().get("strategy") + ", " + curve.config().get("train_mode")
                + " mode", List.of(String.valueOf(curve.config().get("strategy"))), List.of(curve));
        return png;
    }

    /** Plots several curves into one PNG, e.g. least-confidence against random. */
    public static void compare(List<Path> jsons, Path png) throws IOException {
        List<LearningCurve> curves = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path p : jsons) {
            LearningCurve c = LearningCurve.read(p);
            curves.add(c);
            names.add(c.config().get("strategy") + " / " + c.config().get("train_mode"));
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        CurvePlot.write(png, "Learning curves", names, curves);
    }
}
