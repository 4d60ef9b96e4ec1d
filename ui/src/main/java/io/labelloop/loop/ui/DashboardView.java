package io.labelloop.loop.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.labelloop.base.ui.ChartJs;
import io.labelloop.base.ui.NamePicker;
import io.labelloop.base.ui.Polling;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.DatasetStats;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.Split;
import io.labelloop.dataset.TextRecord;
import io.labelloop.loop.LoopCatalog;
import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopStepService;
import io.labelloop.loop.ui.ChartConfigs.Series;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.queue.QueueStats;
import io.labelloop.registry.EvaluationEntry;
import io.labelloop.registry.Iteration;
import io.labelloop.registry.ModelEvaluation;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelVersion;
import io.labelloop.security.Roles;
import io.labelloop.stopping.StoppingService;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * One loop at a glance: how good each iteration got, how many labels it took, the queue, the label balance,
 * what the current model predicts and how sure it is, where it errs, and every version with its provenance.
 * Polls the server every few seconds while open.
 */
@Route("dashboard")
@PageTitle("Dashboard · Labelloop")
@Menu(order = 2, icon = "vaadin:chart", title = "Dashboard")
@RolesAllowed(Roles.ANNOTATOR)
class DashboardView extends VerticalLayout implements BeforeEnterObserver {

    /** How often an open dashboard refreshes. */
    static final int POLL_MILLIS = 5_000;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** The hyper-parameters that tell versions apart at a glance; the cell's tooltip lists all of them. */
    private static final Set<String> SHOWN_HYPER_PARAMETERS = Set.of("mode", "epochs", "seed");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final LoopCatalog loops;
    private final DatasetService datasets;
    private final LabelingQueueService queue;
    private final ModelRegistry registry;
    private final QueueDepthSamples depths;
    private final VersionPromotion promotion;
    private final StoppingService stopping;
    private final StoppingPanel stoppingPanel = new StoppingPanel();

    private final Select<String> loopPicker = new Select<>();
    /** The loop's stored evaluations, which the versions table reads its re-evaluation notes from. */
    private List<EvaluationEntry> evaluations = List.of();
    private final EvaluationHistory evaluationHistory = new EvaluationHistory();
    private final HorizontalLayout kpis = new HorizontalLayout();
    private final ChartJs quality = new ChartJs("chart-quality", "Accuracy and macro-F1 per iteration (held-out)");
    private final ChartJs labelsPerIteration = new ChartJs("chart-labels", "Labels per iteration");
    private final ChartJs queueDepth = new ChartJs("chart-queue", "Queue depth (last hour, UTC)");
    private final ChartJs labelBalance = new ChartJs("chart-label-balance", "Label distribution (human labels)");
    private final ChartJs predictedBalance = new ChartJs("chart-predicted", "Predicted labels (current model)");
    private final ChartJs scores = new ChartJs("chart-scores", "Max-score histogram (current model)");
    private final Div confusion = new Div();
    private final Span confusionSource = new Span();
    private final PerLabelMetrics perLabel = new PerLabelMetrics();
    private final Grid<ModelVersion> versions = new Grid<>();

    private LoopConfig loop;

    DashboardView(LoopCatalog loops, DatasetService datasets, LabelingQueueService queue, ModelRegistry registry,
                  QueueDepthSamples depths, LoopStepService steps, StoppingService stopping,
                  AuthenticationContext auth) {
        this.loops = loops;
        this.stopping = stopping;
        this.datasets = datasets;
        this.queue = queue;
        this.registry = registry;
        this.depths = depths;
        this.promotion = new VersionPromotion(steps, auth, () -> loop, this::refresh);
        loopPicker.setLabel("Loop");
        loopPicker.addValueChangeListener(e -> {
            loop = e.getValue() == null ? null : loops.get(e.getValue());
            refresh();
        });
        kpis.addClassName("ll-kpis");
        kpis.setId("kpis");
        Div charts = new Div(quality, labelsPerIteration, queueDepth, labelBalance, predictedBalance, scores);
        charts.addClassName("ll-charts");
        confusion.setId("confusion");
        confusionSource.setId("confusion-source");
        confusionSource.addClassName("ll-caption");
        configureVersions();
        add(loopPicker, kpis, charts, stoppingPanel,
                new H3("Confusion matrix of the current version (eval split)"), confusionSource, confusion,
                new H3("Per-label metrics of the current version (stored evaluation)"), perLabel.grid(),
                new H3("Model versions"), versions, new H3("Evaluations (each figure on its eval set)"),
                evaluationHistory.grid());
        Polling.refreshWhileAttached(this, POLL_MILLIS, this::refresh);
    }

    private void configureVersions() {
        versions.setId("versions");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        versions.addColumn(ModelVersion::version).setHeader("Version").setAutoWidth(true);
        versions.addColumn(ModelVersion::iteration).setHeader("Iteration").setAutoWidth(true);
        versions.addColumn(v -> v.status().name()).setHeader("Status").setAutoWidth(true);
        versions.addColumn(v -> v.createdAt() == null ? "" : TIME.format(v.createdAt())).setHeader("Created (UTC)")
                .setAutoWidth(true);
        versions.addColumn(v -> EvaluationHistory.accuracyWithEvalSet(v, evaluations)).setHeader("Accuracy (eval set)").setAutoWidth(true);
        versions.addColumn(v -> percent(v.metric(ModelVersion.MACRO_F1))).setHeader("Macro-F1").setAutoWidth(true);
        versions.addColumn(ModelVersion::trainingSize).setHeader("Trained on").setAutoWidth(true);
        versions.addColumn(ModelVersion::base).setHeader("Base").setAutoWidth(true);
        versions.addColumn(v -> provenance(v, SHOWN_HYPER_PARAMETERS)).setHeader("Provenance").setWidth("12em")
                .setFlexGrow(2).setTooltipGenerator(v -> provenance(v, v.hyperParameters().keySet()));
        promotion.addColumnTo(versions);
        versions.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String wanted = NamePicker.fill(loopPicker, loops.all().stream().map(LoopConfig::name).toList(), event, "loop");
        if (wanted == null) {
            refresh();
        }
    }

    private void refresh() {
        if (loop == null) {
            kpis.removeAll();
            kpis.add(new Span("No loop configured yet: loops are files in config/loops/ with routes in routes/."));
            return;
        }
        List<Iteration> iterations = registry.iterations(loop.name());
        Optional<ModelVersion> current = registry.current(loop.name());
        DatasetStats all = datasets.stats(loop.dataset(), RecordQuery.all());
        QueueStats queued = queue.stats(loop.dataset());
        showKpis(current, all, queued, iterations.size());
        showIterations(iterations);
        showQueue();
        showDistributions(all);
        showConfusion(current);
        stoppingPanel.show(stopping.status(loop.name()));
        evaluations = registry.evaluations(loop.name());
        versions.setItems(registry.history(loop.name()));
        evaluationHistory.show(evaluations);
    }

    private void showKpis(Optional<ModelVersion> current, DatasetStats all, QueueStats queued, int iterations) {
        kpis.removeAll();
        kpis.add(kpi("kpi-version", "Current model", current.map(ModelVersion::version).orElse("zero-shot")),
                kpi("kpi-accuracy", "Accuracy" + current.map(DashboardView::measuredOn).orElse(""),
                        percent(current.map(v -> v.metric(ModelVersion.ACCURACY)).orElse(null))),
                kpi("kpi-labels", "Labeled", String.valueOf(all.statuses().getOrDefault(RecordStatus.VALIDATED, 0L))),
                kpi("kpi-queue", "Waiting in queue", String.valueOf(queued.pending())),
                kpi("kpi-records", "Records", String.valueOf(all.total())),
                kpi("kpi-iterations", "Iterations", String.valueOf(iterations)));
    }

    /** " (n=20, 95% CI 69.9–97.2%)" when the version's evaluation says on how many records it was measured. */
    private static String measuredOn(ModelVersion v) {
        ModelEvaluation e = v.evaluation();
        return e == null || e.count() <= 0 ? "" : " (" + Wilson.describe(e.accuracy(), e.count()) + ")";
    }

    static Div kpi(String id, String caption, String value) {
        Span v = new Span(value);
        v.addClassName("value");
        Div kpi = new Div(v, new Span(caption));
        kpi.addClassName("ll-kpi");
        kpi.setId(id);
        return kpi;
    }

    private void showIterations(List<Iteration> iterations) {
        List<String> x = iterations.stream().map(i -> i.iteration() + " (" + i.version() + ")").toList();
        quality.setConfig(ChartConfigs.line(x, List.of(
                new Series("accuracy", iterations.stream().map(Iteration::accuracy).toList()),
                new Series("macro-F1", iterations.stream().map(Iteration::macroF1).toList())), 1.0));
        labelsPerIteration.setConfig(ChartConfigs.bar(x, List.of(
                new Series("trained on", iterations.stream().map(Iteration::trainingSize).toList()),
                new Series("labeled in dataset", iterations.stream().map(Iteration::labeledCount).toList()))));
    }

    private void showQueue() {
        List<QueueDepthSamples.Sample> samples = depths.of(loop.dataset());
        queueDepth.setConfig(ChartConfigs.line(samples.stream().map(s -> CLOCK.format(s.at())).toList(),
                List.of(new Series("waiting", samples.stream().map(QueueDepthSamples.Sample::depth).toList())), null));
    }

    private void showDistributions(DatasetStats all) {
        List<String> labels = datasets.require(loop.dataset()).labels();
        labelBalance.setConfig(ChartConfigs.bar(labels,
                List.of(new Series("labeled", labels.stream().map(l -> all.labels().getOrDefault(l, 0L)).toList()))));
        predictedBalance.setConfig(ChartConfigs.bar(labels, List.of(new Series("predicted",
                labels.stream().map(l -> all.predictedLabels().getOrDefault(l, 0L)).toList()))));
        scores.setConfig(ChartConfigs.bar(
                all.scoreHistogram().stream().map(b -> String.format(Locale.ROOT, "%.1f–%.1f", b.from(), b.to())).toList(),
                List.of(new Series("records", all.scoreHistogram().stream().map(DatasetStats.ScoreBucket::count).toList()))));
    }

    /**
     * The matrix stored with the current version's evaluation when there is one (exactly what the loop measured);
     * otherwise counted from the eval-split records the current version scored.
     */
    private void showConfusion(Optional<ModelVersion> current) {
        ModelEvaluation stored = current.map(ModelVersion::evaluation).filter(e -> !e.confusion().isEmpty()).orElse(null);
        perLabel.show(stored);
        if (stored != null) {
            ConfusionMatrix matrix = ConfusionMatrix.of(stored);
            confusion.removeAll();
            confusion.setText("");
            confusion.getElement().appendChild(ConfusionTable.of(matrix));
            confusionSource.setText(String.format(Locale.ROOT, "%s on %d held-out records, evaluated %s UTC: "
                    + "accuracy %s, macro-F1 %s.", current.get().version(), stored.count(),
                    stored.evaluatedAt() == null ? "?" : TIME.format(stored.evaluatedAt()), percent(stored.accuracy()),
                    percent(stored.macroF1())) + ConfusionTable.describe(matrix));
            return;
        }
        String source = "Counted from the labeled eval-split records the current version scored (no stored evaluation).";
        confusionSource.setText(source);
        List<String> labels = datasets.require(loop.dataset()).labels();
        RecordQuery eval = RecordQuery.all().withSplit(Split.EVAL).withStatuses(RecordStatus.VALIDATED);
        if (current.isPresent()) {
            eval = eval.withModelVersion(current.get().version());
        }
        ConfusionMatrix matrix;
        try (Stream<TextRecord> records = datasets.stream(loop.dataset(), eval)) {
            matrix = ConfusionMatrix.of(labels, records);
        }
        confusion.removeAll();
        if (matrix.records() == 0) {
            confusion.setText("No labeled eval-split records scored by the current version yet.");
            return;
        }
        confusion.setText("");
        confusion.getElement().appendChild(ConfusionTable.of(matrix));
        confusionSource.setText(source + ConfusionTable.describe(matrix));
    }

    private static String provenance(ModelVersion v, Set<String> hyperParameters) {
        List<String> parts = new ArrayList<>();
        parts.add("dataset " + v.dataset());
        parts.add(v.labeledCount() + " labeled");
        if (v.idsHash() != null) {
            parts.add("ids " + abbreviate(v.idsHash()));
        }
        String shown = v.hyperParameters().entrySet().stream().filter(e -> hyperParameters.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        if (!shown.isEmpty()) {
            parts.add(shown);
        }
        Double seconds = v.metric(ModelVersion.TRAIN_SECONDS);
        if (seconds != null) {
            parts.add(String.format(Locale.ROOT, "trained in %.1f s", seconds));
        }
        return String.join(" · ", parts);
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }
}
