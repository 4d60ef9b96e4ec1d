package io.labelloop.queue.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

import io.labelloop.dataset.PredictedLabel;
import io.labelloop.dataset.TextRecord;

/**
 * The record being labeled: metadata, text (always as text, never markup) and the model's guess with a score bar; or
 * the empty-queue message. Moving to the next record updates the same components instead of building new ones, so
 * the browser gets a few changed texts rather than a new subtree (that round trip is what the annotator waits for).
 */
class RecordCard extends Div {

    private final HorizontalLayout metadata = new HorizontalLayout();
    private final Div text = new Div();
    private final HorizontalLayout prediction = new HorizontalLayout();
    private final Span guess = new Span();
    private final ProgressBar scoreBar = new ProgressBar(0, 1);
    private final Span score = new Span();
    private final Div empty = new Div();

    RecordCard() {
        addClassName("ll-card");
        setId("record-card");
        metadata.addClassName("ll-meta");
        text.addClassNames("ll-text", "ll-record-text");
        text.setId("record-text");
        prediction.setAlignItems(Alignment.CENTER);
        prediction.setId("prediction");
        scoreBar.addClassName("ll-score");
        prediction.add(guess, scoreBar, score);
        empty.addClassName("ll-empty");
        empty.setId("queue-empty");
    }

    void show(TextRecord record) {
        if (text.getParent().isEmpty()) {
            removeAll();
            add(metadata, text, prediction);
        }
        getElement().setAttribute("data-record-id", record.id());
        showMetadata(record);
        text.setText(record.text());
        showPrediction(record);
    }

    void showEmpty(String message) {
        removeAll();
        getElement().removeAttribute("data-record-id");
        empty.setText(message);
        add(empty);
    }

    private void showMetadata(TextRecord record) {
        List<String> items = new ArrayList<>();
        items.add("id: " + record.id());
        for (Map.Entry<String, String> e : record.metadata().entrySet()) {
            items.add(e.getKey() + ": " + e.getValue());
        }
        while (metadata.getComponentCount() > items.size()) {
            metadata.remove(metadata.getComponentAt(metadata.getComponentCount() - 1));
        }
        for (int i = 0; i < items.size(); i++) {
            if (i < metadata.getComponentCount()) {
                ((Span) metadata.getComponentAt(i)).setText(items.get(i));
            } else {
                metadata.add(new Span(items.get(i)));
            }
        }
    }

    private void showPrediction(TextRecord record) {
        boolean scored = !record.predictions().isEmpty();
        scoreBar.setVisible(scored);
        score.setVisible(scored);
        if (!scored) {
            guess.setText("Not scored yet");
            return;
        }
        PredictedLabel top = record.predictions().get(0);
        String version = record.predictionAgent() == null ? "" : " by " + record.predictionAgent();
        guess.setText("Predicted " + top.label());
        scoreBar.setValue(top.score());
        score.setText(String.format(Locale.ROOT, "%.2f", top.score()) + version);
    }
}
