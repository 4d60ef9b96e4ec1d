package io.labelloop.dataset.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.labelloop.base.ui.NamePicker;
import io.labelloop.base.ui.Polling;
import io.labelloop.dataset.BulkOutcome;
import io.labelloop.dataset.Dataset;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordSort;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasTheme;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;

/**
 * Search-driven labeling (as in Rubrix): free text and filters narrow the records, a lazy grid shows them,
 * and bulk actions label, validate or discard the selection or everything that matches.
 */
@Route("explore")
@PageTitle("Explore · Labelloop")
@Menu(order = 1, icon = "vaadin:search", title = "Explore")
@RolesAllowed(Roles.ANNOTATOR)
class ExplorerView extends VerticalLayout implements BeforeEnterObserver {

    /** How often the view checks whether a background re-score changed what matches. */
    static final int STALE_CHECK_MILLIS = 5_000;
    /** The bulk label's list is wider than its field, so that a long intent name fits on one line. */
    private static final String BULK_LABEL_OVERLAY_WIDTH = "26em";

    private final DatasetService datasets;
    private final String annotator;

    private final Select<String> datasetPicker = new Select<>();
    private final TextField search = new TextField();
    private final MultiSelectComboBox<RecordStatus> statuses = new MultiSelectComboBox<>("Status");
    private final MultiSelectComboBox<String> predicted = new MultiSelectComboBox<>("Predicted as");
    private final MultiSelectComboBox<String> annotated = new MultiSelectComboBox<>("Annotated as");
    private final ScoreRange score = new ScoreRange(this::refresh);
    private final TextField metadata = new TextField("Metadata");
    private final TextField modelVersion = new TextField("Model version");
    private final Select<RecordSort> sort = new Select<>();
    /** A combo box, not a select: with banking77's 77 intents the label is found by typing part of it. */
    private final ComboBox<String> bulkLabel = new ComboBox<>();
    private final Span matching = new Span();
    private final Button refreshMatches = new Button("Refresh", e -> refresh());
    private final Grid<TextRecord> grid = new Grid<>();

    private Dataset dataset;
    private RecordQuery query = RecordQuery.all();
    private long total;

    ExplorerView(DatasetService datasets, AuthenticationContext auth) {
        this.datasets = datasets;
        this.annotator = auth.getPrincipalName().orElseThrow();
        setSizeFull();
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-s)");
        configureFilters();
        configureGrid();
        add(filters(), bulkBar(), grid);
        Polling.refreshWhileAttached(this, STALE_CHECK_MILLIS, this::checkStale);
    }

    /**
     * A background re-score changes predictions, and with them what matches: the grid is not swapped under the
     * user's selection, but the count says so, with a button to refresh.
     */
    private void checkStale() {
        if (dataset == null || refreshMatches.isVisible()) {
            return;
        }
        try {
            long now = new RecordPager(datasets, dataset.name(), query).count();
            if (now != total) {
                matching.setText(String.format(Locale.ROOT, "%,d records matched; predictions changed, %,d match now",
                        total, now));
                refreshMatches.setVisible(true);
            }
        } catch (RuntimeException e) {
            // the next check or the next search says what is wrong; a background check does not interrupt
        }
    }

    /** Compact fields, so that the filters take two lines at most and the grid keeps the screen. */
    private static void compact(HasTheme field, HasSize sized,
                                String width) {
        field.addThemeName("small");
        sized.setWidth(width);
    }

    /** Typing a label and Enter selects it (the combo box alone selects only by click or arrow keys). */
    private static <T> void selectTyped(MultiSelectComboBox<T> box, Function<T, String> name) {
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(e -> {
            String typed = e.getDetail().trim().toLowerCase(Locale.ROOT);
            box.getListDataView().getItems().filter(i -> name.apply(i).toLowerCase(Locale.ROOT).startsWith(typed))
                    .findFirst().ifPresent(box::select);
        });
    }

    private void configureFilters() {
        datasetPicker.setLabel("Dataset");
        datasetPicker.addValueChangeListener(e -> switchTo(e.getValue()));
        search.setLabel("Search");
        search.setId("search");
        search.setPlaceholder("card AND (lost OR stolen)");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        compact(search, search, "16em");
        compact(datasetPicker, datasetPicker, "11em");
        compact(statuses, statuses, "10em");
        compact(predicted, predicted, "10em");
        compact(annotated, annotated, "10em");
        compact(metadata, metadata, "13em");
        compact(modelVersion, modelVersion, "8em");
        compact(sort, sort, "12em");
        predicted.setId("filter-predicted");
        annotated.setId("filter-annotated");
        statuses.setId("filter-status");
        selectTyped(predicted, String::valueOf);
        selectTyped(annotated, String::valueOf);
        selectTyped(statuses, RecordStatus::name);
        statuses.setItems(RecordStatus.values());
        metadata.setPlaceholder("product:card channel:app,web");
        metadata.setValueChangeMode(ValueChangeMode.LAZY);
        modelVersion.setValueChangeMode(ValueChangeMode.LAZY);
        sort.setLabel("Sort");
        sort.setItems(RecordSort.values());
        sort.setItemLabelGenerator(ExplorerView::sortLabel);
        sort.setValue(RecordSort.SCORE_ASC);
        search.addValueChangeListener(e -> refresh());
        statuses.addValueChangeListener(e -> refresh());
        predicted.addValueChangeListener(e -> refresh());
        annotated.addValueChangeListener(e -> refresh());
        metadata.addValueChangeListener(e -> refresh());
        modelVersion.addValueChangeListener(e -> refresh());
        sort.addValueChangeListener(e -> refresh());
    }

    private FlexLayout filters() {
        FlexLayout filters = new FlexLayout(datasetPicker, search, statuses, predicted, annotated, score, metadata,
                modelVersion, sort);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        filters.setWidthFull();
        return filters;
    }

    private HorizontalLayout bulkBar() {
        matching.setId("matching-count");
        refreshMatches.setId("refresh-matches");
        refreshMatches.addThemeVariants(ButtonVariant.LUMO_SMALL);
        refreshMatches.setVisible(false);
        // no caption above it: the bar stays one line; "Label as" says what it is for
        bulkLabel.setAriaLabel("Label for the bulk actions");
        bulkLabel.setId("bulk-label");
        Button labelSelected = bulk("Label selected", "label-selected", this::labelSelected);
        labelSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compact(bulkLabel, bulkLabel, "9em");
        bulkLabel.getStyle().set("--vaadin-combo-box-overlay-width", BULK_LABEL_OVERLAY_WIDTH);
        HorizontalLayout bar = new HorizontalLayout(matching, refreshMatches, new Span("Label as"), bulkLabel, labelSelected,
                bulk("Label all…", "label-all", this::confirmLabelAll),
                bulk("Validate selected", "validate-selected", this::validateSelected),
                bulk("Validate all…", "validate-all", this::confirmValidateAll),
                bulk("Discard selected", "discard-selected", this::discardSelected),
                bulk("Discard all…", "discard-all", this::confirmDiscardAll));
        bar.setAlignItems(Alignment.CENTER);
        bar.setSpacing(false);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private static Button bulk(String text, String id, Runnable run) {
        Button button = new Button(text, e -> run.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void configureGrid() {
        grid.setId("records");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // one line per row (the whole text and metadata on expand), so that a screen shows many rows
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.getStyle().set("font-size", "var(--lumo-font-size-s)");
        grid.addColumn(LitRenderer.<TextRecord>of(
                        "<span class='ll-line' title='${item.text}'>${item.text}</span>")
                .withProperty("text", TextRecord::text)).setHeader("Text").setFlexGrow(4);
        // fixed widths: auto widths are measured once on the first rows and would cut labels given later
        grid.addColumn(ExplorerView::prediction).setHeader("Predicted").setWidth("10em").setFlexGrow(0).setResizable(true);
        grid.addColumn(TextRecord::label).setHeader("Label").setWidth("9em").setFlexGrow(0).setResizable(true);
        grid.addColumn(r -> r.status().name()).setHeader("Status").setWidth("8em").setFlexGrow(0);
        grid.addColumn(LitRenderer.<TextRecord>of(
                        "<span class='ll-line ll-chips' title='${item.meta}'>${item.chips.map(c => html`<span class='ll-chip'>${c}</span>`)}</span>")
                .withProperty("meta", ExplorerView::metadataText)
                .withProperty("chips", ExplorerView::metadataChips)).setHeader("Metadata").setFlexGrow(1);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(ExplorerView::details));
        grid.addColumn(TextRecord::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        NamePicker.fill(datasetPicker, datasets.list().stream().map(Dataset::name).toList(), event, "dataset");
    }

    private void switchTo(String name) {
        dataset = name == null ? null : datasets.find(name).orElse(null);
        List<String> labels = dataset == null ? List.of() : dataset.labels();
        predicted.setItems(labels);
        annotated.setItems(labels);
        bulkLabel.setItems(labels);
        bulkLabel.setValue(labels.isEmpty() ? null : labels.get(0));
        refresh();
    }

    private void refresh() {
        if (dataset == null) {
            grid.setItems(List.of());
            matching.setText("No dataset yet.");
            return;
        }
        try {
            query = currentQuery();
            RecordPager pager = new RecordPager(datasets, dataset.name(), query);
            total = pager.count();
            grid.setDataProvider(new CallbackDataProvider<>(q -> pager.fetch(q.getOffset(), q.getLimit()).stream(),
                    q -> (int) Math.min(total, Integer.MAX_VALUE), TextRecord::id));
            matching.setText(String.format(Locale.ROOT, "%,d records match", total));
            refreshMatches.setVisible(false);
            search.setInvalid(false);
        } catch (IllegalArgumentException e) {
            search.setInvalid(true);
            search.setErrorMessage(e.getMessage());
        } catch (RuntimeException e) {
            error("Search failed: " + e.getMessage());
        }
    }

    private RecordQuery currentQuery() {
        RecordQuery q = RecordQuery.all().withText(search.getValue().isBlank() ? null : search.getValue())
                .withStatuses(statuses.getValue().toArray(RecordStatus[]::new))
                .withPredictedLabels(predicted.getValue().toArray(String[]::new))
                .withLabels(annotated.getValue().toArray(String[]::new))
                .withScoreBetween(score.min(), score.max())
                .withModelVersion(modelVersion.getValue().isBlank() ? null : modelVersion.getValue().trim())
                .sortedBy(sort.getValue());
        for (Map.Entry<String, List<String>> term : MetadataTerms.parse(metadata.getValue()).entrySet()) {
            q = q.withMetadata(term.getKey(), term.getValue().toArray(String[]::new));
        }
        return q;
    }

    private void labelSelected() {
        String label = bulkLabel.getValue();
        if (label != null) {
            onSelected(seen -> datasets.annotate(dataset.name(), seen, label, annotator), "Labeled " + label + ":", BulkOutcomeText.CHANGED);
        }
    }

    private void validateSelected() {
        onSelected(seen -> datasets.validate(dataset.name(), seen, annotator), "Validated:",
                BulkOutcomeText.CHANGED_OR_UNSCORED);
    }

    private void discardSelected() {
        onSelected(seen -> datasets.discard(dataset.name(), seen, annotator), "Discarded:", BulkOutcomeText.CHANGED);
    }

    /** Applies to the selected records as the user saw them: one changed since (by someone else) is skipped. */
    private void onSelected(Function<Map<String, Long>, BulkOutcome> action, String done, String whySkipped) {
        Map<String, Long> seen = grid.getSelectedItems().stream()
                .collect(Collectors.toMap(TextRecord::id, TextRecord::revision, (a, b) -> a, LinkedHashMap::new));
        if (seen.isEmpty()) {
            Notification.show("Select records first (the checkboxes on the left).");
            return;
        }
        run(() -> action.apply(seen), done, whySkipped);
    }

    private void confirmLabelAll() {
        String label = bulkLabel.getValue();
        if (label != null) {
            confirm("Label " + label, seen -> datasets.annotate(dataset.name(), seen, label, annotator),
                    "Labeled " + label + ":", BulkOutcomeText.CHANGED);
        }
    }

    private void confirmValidateAll() {
        confirm("Accept the prediction as the label for",
                seen -> datasets.validate(dataset.name(), seen, annotator), "Validated:",
                BulkOutcomeText.CHANGED_OR_UNSCORED);
    }

    private void confirmDiscardAll() {
        confirm("Discard", seen -> datasets.discard(dataset.name(), seen, annotator), "Discarded:",
                BulkOutcomeText.CHANGED);
    }

    /**
     * Reads the matching records' revisions now and shows their exact number; confirming applies to those records as
     * they were when the dialog opened, so one changed while the dialog was open is skipped, not overwritten.
     */
    private void confirm(String verb, Function<Map<String, Long>, BulkOutcome> action, String done,
                         String whySkipped) {
        if (dataset == null) {
            return;
        }
        Map<String, Long> seen = revisions();
        long n = seen.size();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-bulk");
        dialog.setHeader(String.format(Locale.ROOT, "%s all %,d matching records?", verb, n));
        dialog.setText(String.format(Locale.ROOT,
                "%,d records match the current search and filters in %s. This is recorded as done by %s.",
                n, dataset.name(), annotator));
        dialog.setCancelable(true);
        dialog.setConfirmText(String.format(Locale.ROOT, "Yes, %,d records", n));
        dialog.addConfirmListener(e -> run(() -> action.apply(seen), done, whySkipped));
        dialog.open();
    }

    private Map<String, Long> revisions() {
        try (Stream<TextRecord> records = datasets.stream(dataset.name(), query)) {
            return records.collect(Collectors.toMap(TextRecord::id, TextRecord::revision, (a, b) -> a,
                    LinkedHashMap::new));
        }
    }

    private void run(Supplier<BulkOutcome> action, String done, String whySkipped) {
        try {
            BulkOutcome outcome = action.get();
            datasets.refresh(dataset.name());
            grid.deselectAll();
            boolean skipped = outcome.skipped() > 0;
            Notification note = Notification.show(BulkOutcomeText.of(done, outcome, whySkipped), skipped ? 8000 : 5000,
                    Notification.Position.BOTTOM_START);
            note.addThemeVariants(skipped ? NotificationVariant.LUMO_WARNING : NotificationVariant.LUMO_SUCCESS);
            note.setId("bulk-outcome");
            refresh();
        } catch (RuntimeException e) {
            error("Nothing changed: " + e.getMessage());
        }
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String prediction(TextRecord r) {
        return r.predictedLabel() == null ? "" : String.format(Locale.ROOT, "%s %.2f", r.predictedLabel(), r.maxScore());
    }

    private static List<String> metadataChips(TextRecord r) {
        return r.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    /** A clicked row: the whole text and every metadata key. */
    private static Div details(TextRecord r) {
        Span text = new Span(r.text());
        text.addClassName("ll-text");
        Div meta = new Div();
        meta.addClassName("ll-meta");
        r.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> meta.add(new Span(e.getKey() + ": " + e.getValue())));
        Div box = new Div(text, meta);
        box.addClassName("ll-details");
        return box;
    }

    private static String metadataText(TextRecord r) {
        return r.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(" · "));
    }

    private static String sortLabel(RecordSort s) {
        return switch (s) {
            case SCORE_ASC -> "Score, lowest first";
            case SCORE_DESC -> "Score, highest first";
            case ID -> "Id";
            case UPDATED_DESC -> "Recently changed";
        };
    }
}
