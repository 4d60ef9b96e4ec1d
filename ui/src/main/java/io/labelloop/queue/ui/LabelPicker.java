package io.labelloop.queue.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import io.labelloop.dataset.PredictedLabel;

/**
 * How a label is chosen from a large label set (more labels than digit keys): the model's top predictions as keys
 * 1-5, and a list that narrows as the annotator types, walked with ↑ / ↓ and chosen with Enter. Letters typed into
 * the filter stay there, so the view's one-letter keys (D, S) do not fire while a label name is typed; Esc clears
 * the filter, and Tab leaves it for those keys.
 */
class LabelPicker extends Div {

    /** The model's top predictions offered as keys 1..TOP. */
    static final int TOP = 5;
    /**
     * Letters and punctuation stop at the filter; digits (the top-5 keys), arrows and Enter go on. Esc is handled in
     * the browser: a clear sent back by the server could overwrite what was typed right after the Esc.
     */
    private static final String FILTER_KEYS = "this.addEventListener('keydown', e => {"
            + " if (e.key === 'Escape') { this.value = ''; }"
            + " else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && !(e.key >= '1' && e.key <= '9'))"
            + " { e.stopPropagation(); } })";
    private static final String SCROLL_INTO_VIEW = "this.scrollIntoView({block: 'nearest'})";

    private final Consumer<String> choose;
    private final TextField filterField = new TextField();
    private final HorizontalLayout topRow = new HorizontalLayout();
    private final Div list = new Div();
    private final Map<String, Span> items = new LinkedHashMap<>();
    private LabelFilter filter = new LabelFilter(List.of());
    private List<String> shown = List.of();
    private List<String> predicted = List.of();
    private int active;

    LabelPicker(Consumer<String> choose) {
        this.choose = choose;
        addClassName("ll-picker");
        setId("label-picker");
        topRow.setId("top-predictions");
        topRow.addClassName("ll-labels");
        filterField.setId("label-filter");
        filterField.setPlaceholder("Type to filter the labels, ↑ ↓ to move, Enter to label");
        filterField.setClearButtonVisible(true);
        filterField.setWidthFull();
        filterField.setValueChangeMode(ValueChangeMode.EAGER);
        filterField.addValueChangeListener(e -> refilter());
        filterField.getElement().executeJs(FILTER_KEYS);
        list.setId("label-list");
        list.addClassName("ll-label-list");
        Shortcuts.addShortcutListener(filterField, () -> move(1), Key.ARROW_DOWN).listenOn(filterField);
        Shortcuts.addShortcutListener(filterField, () -> move(-1), Key.ARROW_UP).listenOn(filterField);
        Shortcuts.addShortcutListener(filterField, this::chooseActive, Key.ENTER).listenOn(filterField);
        add(topRow, filterField, list);
    }

    /** The label set; one list item per label, built once and reused as the filter changes. */
    void setLabels(List<String> labels) {
        filter = new LabelFilter(labels);
        items.clear();
        for (String label : labels) {
            Span item = new Span(label);
            item.addClassName("ll-label-item");
            item.getElement().setAttribute("data-label", label);
            item.addClickListener(e -> choose.accept(label));
            items.put(label, item);
        }
        filterField.clear();
        refilter();
    }

    /** A new record: its top predictions on the keys, the filter empty and focused for typing. */
    void show(List<PredictedLabel> predictions) {
        // Keys and buttons from one list: a stored prediction of a label no longer in the set is on neither.
        List<PredictedLabel> top = predictions.stream().filter(p -> items.containsKey(p.label())).limit(TOP).toList();
        predicted = top.stream().map(PredictedLabel::label).toList();
        topRow.removeAll();
        for (int i = 0; i < top.size(); i++) {
            topRow.add(topButton(i, top.get(i)));
        }
        filterField.clear();
        refilter();
        filterField.focus();
    }

    /** The label on digit key {@code index + 1}: the model's prediction of that rank. */
    Optional<String> predicted(int index) {
        return index < predicted.size() ? Optional.of(predicted.get(index)) : Optional.empty();
    }

    private Button topButton(int rank, PredictedLabel p) {
        Span key = new Span(String.valueOf(rank + 1));
        key.addClassName("ll-key");
        Span score = new Span(String.format(Locale.ROOT, " %.2f", p.score()));
        score.addClassName("ll-key");
        Button button = new Button(new Span(key, new Span(p.label()), score), e -> choose.accept(p.label()));
        button.setId("top-" + (rank + 1));
        return button;
    }

    private void refilter() {
        shown = filter.matching(filterField.getValue());
        active = 0;
        List<Span> visible = new ArrayList<>();
        shown.forEach(label -> visible.add(items.get(label)));
        list.removeAll();
        if (visible.isEmpty()) {
            list.add(new Span("No label matches '" + filterField.getValue() + "'"));
        }
        visible.forEach(list::add);
        highlight();
    }

    private void move(int step) {
        if (!shown.isEmpty()) {
            active = Math.floorMod(active + step, shown.size());
            highlight();
        }
    }

    private void highlight() {
        for (int i = 0; i < shown.size(); i++) {
            Span item = items.get(shown.get(i));
            item.setClassName("ll-active", i == active);
            item.getElement().setAttribute("aria-selected", String.valueOf(i == active));
            if (i == active) {
                item.getElement().executeJs(SCROLL_INTO_VIEW);
            }
        }
    }

    private void chooseActive() {
        if (shown.isEmpty()) {
            Notification.show("'" + filterField.getValue() + "' is not a label of this dataset: change the filter, "
                    + "or Esc to clear it.");
            return;
        }
        choose.accept(shown.get(active));
    }
}
