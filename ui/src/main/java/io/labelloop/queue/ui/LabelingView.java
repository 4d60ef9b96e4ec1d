package io.labelloop.queue.ui;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.labelloop.base.ui.NamePicker;
import io.labelloop.dataset.Dataset;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.StaleWriteException;
import io.labelloop.dataset.TextRecord;
import io.labelloop.dataset.VersionedRecord;
import io.labelloop.queue.Claim;
import io.labelloop.queue.ClaimAhead;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.security.Roles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.security.RolesAllowed;

/**
 * One queued record at a time: its text, the model's guess with a score bar, its metadata, and a button
 * per label. Keys: 1..9 label, D discard, S skip, ← / → back and forward through the records decided in this tab
 * (their labels stay), Ctrl+Z undo the last label. A label set larger than the digit keys gets a {@link LabelPicker}
 * instead of buttons: 1-5 are then the model's top five, and typing filters the labels.
 * The record is claimed for this annotator, so two people never label the same one.
 */
@Route("")
@PageTitle("Label · Labelloop")
@Menu(order = 0, icon = "vaadin:tag", title = "Label")
@RolesAllowed(Roles.ANNOTATOR)
class LabelingView extends VerticalLayout implements BeforeEnterObserver {

    /** Server time from a label to the next record on screen; the benchmark reads its p99. */
    static final String NEXT_RECORD_TIMER = "labelloop.ui.next.record";
    /**
     * While the queue is empty the browser polls this often, so that a refill shows without a reload. Distinct from
     * the other views' poll intervals: on leaving, the view resets the interval only if it is still its own.
     */
    static final int EMPTY_POLL_MILLIS = 4_000;
    /** Labels up to this many get a digit key each; more get the picker. */
    static final int DIGIT_KEYS = 9;

    private final DatasetService datasets;
    private final LabelingQueueService queue;
    private final RefillForecast forecast;
    private final String annotator;
    private final LabelingSession session = new LabelingSession(Instant::now);
    private final SessionHistory history = new SessionHistory();
    private final Timer nextRecordTimer;

    private final Select<String> datasetPicker = new Select<>();
    private final Span counter = new Span();
    private final Span discards = new Span();
    private final Span pace = new Span();
    private final Span waiting = new Span();
    private final Span lookingBack = new Span();
    private final RecordCard card = new RecordCard();
    private final HorizontalLayout labelButtons = new HorizontalLayout();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final LabelPicker picker = new LabelPicker(this::label);
    private final Span keysLegend = new Span();

    private Dataset dataset;
    private Claim claim;
    /** The decided record shown while looking back, at the revision read. */
    private VersionedRecord lookedAt;
    /** Claims the next record while this one is read, so a label waits only for its own durable write. */
    private ClaimAhead ahead;
    private Registration emptyPoll;

    LabelingView(DatasetService datasets, LabelingQueueService queue, RefillForecast forecast, AuthenticationContext auth,
                 MeterRegistry meters) {
        this.datasets = datasets;
        this.queue = queue;
        this.forecast = forecast;
        this.annotator = auth.getPrincipalName().orElseThrow();
        this.nextRecordTimer = Timer.builder(NEXT_RECORD_TIMER).publishPercentiles(0.5, 0.99)
                .description("label or skip until the next record is ready").register(meters);
        addClassName("ll-labeling");
        datasetPicker.setLabel("Dataset");
        datasetPicker.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                switchTo(e.getValue());
            }
        });
        labelButtons.addClassName("ll-labels");
        lookingBack.setId("looking-back");
        lookingBack.addClassName("ll-hint");
        lookingBack.setVisible(false);
        picker.setVisible(false);
        keysLegend.setText(keysHint(false));
        keysLegend.setId("keys-legend");
        keysLegend.addClassName("ll-hint");
        add(header(), lookingBack, card, labelButtons, picker, actions, keysLegend);
        registerShortcuts();
    }

    private HorizontalLayout header() {
        counter.setId("session-count");
        discards.setId("session-discards");
        pace.setId("labels-per-hour");
        waiting.setId("queue-waiting");
        HorizontalLayout stats = new HorizontalLayout(counter, discards, pace, waiting);
        stats.addClassName("ll-stats");
        HorizontalLayout header = new HorizontalLayout(datasetPicker, stats);
        header.setAlignItems(Alignment.BASELINE);
        header.setWidthFull();
        return header;
    }

    private static String keysHint(boolean many) {
        String choose = many ? "1–5 the model's top five · type to filter the labels, ↑ ↓ Enter to choose · "
                + "Esc clears the filter, Tab leaves it for D discard · S skip" : "1–9 label · D discard · S skip";
        return "Keys: " + choose + " · ← back / → forward through this session's records"
                + " (labels stay; → at the newest skips) · Ctrl+Z undo the last label";
    }

    private void registerShortcuts() {
        Key[] digits = {Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4, Key.DIGIT_5, Key.DIGIT_6, Key.DIGIT_7,
                Key.DIGIT_8, Key.DIGIT_9};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            Shortcuts.addShortcutListener(this, () -> labelAt(index), digits[i]);
        }
        // KEY_D is the physical key (event.code), so Caps Lock already matches; Shift needs its own listener, since a
        // shortcut without modifiers refuses a key pressed with one, and the buttons show capitals
        for (KeyModifier[] modifiers : List.of(new KeyModifier[0], new KeyModifier[] {KeyModifier.SHIFT})) {
            Shortcuts.addShortcutListener(this, this::discard, Key.KEY_D, modifiers);
            Shortcuts.addShortcutListener(this, this::skip, Key.KEY_S, modifiers);
        }
        Shortcuts.addShortcutListener(this, this::forward, Key.ARROW_RIGHT);
        Shortcuts.addShortcutListener(this, this::undo, Key.KEY_Z, KeyModifier.CONTROL);
        Shortcuts.addShortcutListener(this, this::back, Key.ARROW_LEFT);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // a dataset no loop feeds has an empty queue unless a script fills it: open on one that a loop feeds
        List<String> names = datasets.list().stream().map(Dataset::name)
                .sorted(Comparator.comparing((String name) -> !forecast.fedByLoop(name))).toList();
        switchTo(NamePicker.fill(datasetPicker, names, event, "dataset"));
    }

    private void switchTo(String name) {
        leave();
        dataset = name == null ? null : datasets.find(name).orElse(null);
        if (dataset == null) {
            showEmpty("No dataset yet. An admin imports one (./labelloop import, or the REST API), "
                    + "or the sample dataset is imported on first start.");
            return;
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                "?" + QueryParameters.of("dataset", name).getQueryString()));
        buildButtons(dataset.labels());
        ahead = queue.claimAhead(dataset.name(), annotator);
        claimNext();
    }

    private boolean manyLabels() {
        return dataset != null && dataset.labels().size() > DIGIT_KEYS;
    }

    private void buildButtons(List<String> labels) {
        labelButtons.removeAll();
        boolean many = manyLabels();
        keysLegend.setText(keysHint(many));
        picker.setVisible(many);
        labelButtons.setVisible(!many);
        if (many) {
            picker.setLabels(labels);
        }
        for (int i = 0; i < labels.size() && !many; i++) {
            String label = labels.get(i);
            Button button = new Button(keyed(i < 9 ? String.valueOf(i + 1) : "", label), e -> label(label));
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            button.setId("label-" + label);
            labelButtons.add(button);
        }
        actions.removeAll();
        actions.add(action("Discard", "D", "discard", this::discard), action("Skip", "S", "skip", this::skip),
                action("Back", "←", "back", this::back), action("Forward", "→", "forward", this::forward),
                action("Undo", "Ctrl+Z", "undo", this::undo));
    }

    private static Button action(String text, String key, String id, Runnable run) {
        Button button = new Button(keyed(key, text), e -> run.run());
        button.setId(id);
        return button;
    }

    private static Span keyed(String key, String text) {
        Span keyHint = new Span(key);
        keyHint.addClassName("ll-key");
        return new Span(keyHint, new Span(text));
    }

    /** Digit key {@code index + 1}: that label, or with many labels the model's prediction of that rank. */
    private void labelAt(int index) {
        if (manyLabels()) {
            picker.predicted(index).ifPresent(this::label);
        } else if (dataset != null && index < dataset.labels().size()) {
            label(dataset.labels().get(index));
        }
    }

    private void label(String label) {
        if (history.lookingBack()) {
            change(() -> datasets.annotate(dataset.name(), lookedAt, label, annotator));
            return;
        }
        decide(() -> queue.label(claim, label), "Label", session::labeled);
    }

    private void discard() {
        if (history.lookingBack()) {
            change(() -> datasets.discard(dataset.name(), lookedAt, annotator));
            return;
        }
        decide(() -> queue.discard(claim), "Discard", session::discarded);
    }

    /** Changes the decided record looked at (at the revision read), then goes forward. */
    private void change(Runnable write) {
        try {
            write.run();
        } catch (StaleWriteException e) {
            rejected(e);
        } catch (RuntimeException e) {
            failed("Change not saved, try again", e);
            return;
        }
        forward();
    }

    /** Shows the record decided before the one shown; its label stays as it is. */
    private void back() {
        if (dataset == null) {
            return;
        }
        Optional<String> previous = history.back();
        if (previous.isEmpty()) {
            Notification.show("This is the first record you decided in this session.");
            return;
        }
        showDecided(previous.get());
    }

    /** Towards the record the annotator came from; at the current record it skips, as S does. */
    private void forward() {
        if (!history.lookingBack()) {
            skip();
            return;
        }
        Optional<String> next = history.forward();
        if (next.isPresent()) {
            showDecided(next.get());
        } else if (claim != null) {
            show(claim);
        } else {
            claimNext();
        }
    }

    private void showDecided(String id) {
        Optional<VersionedRecord> read = datasets.recordWithVersion(dataset.name(), id);
        if (read.isEmpty()) {
            Notification.show("That record is gone from the dataset.");
            forward();
            return;
        }
        lookedAt = read.get();
        TextRecord r = lookedAt.record();
        card.show(r);
        lookingBack.setText(history.stepsBack() + " back: " + (r.status() == RecordStatus.DISCARDED ? "discarded"
                : r.status() == RecordStatus.VALIDATED ? "labeled " + r.label() : "no label (changed since)")
                + ". → goes forward to where you were; a label key or D changes it.");
        lookingBack.setVisible(true);
        showChoices(r);
        actions.setEnabled(true);
    }

    /** Applies a label or discard, then shows the next record; a refused or failed write is said, never hidden. */
    private void decide(Runnable write, String what, Runnable count) {
        if (claim == null) {
            return;
        }
        long start = System.nanoTime();
        String decided = claim.recordId();
        try {
            write.run();
            count.run();
            history.decided(decided);
        } catch (StaleWriteException e) {
            rejected(e);
        } catch (RuntimeException e) {
            failed(what + " not saved, try again", e);
            return;
        }
        claimNext();
        nextRecordTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** Claims the next record before giving this one back, so that the skipped record doesn't come straight back. */
    private void skip() {
        if (history.lookingBack()) {
            forward();
            return;
        }
        if (claim == null) {
            return;
        }
        Claim skipped = claim;
        long start = System.nanoTime();
        Optional<Claim> next = ahead.next();
        queue.skip(skipped);
        if (next.isEmpty()) {
            Notification.show("This is the only record waiting.");
            claimNext();
            return;
        }
        show(next.get());
        nextRecordTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private void undo() {
        if (dataset == null) {
            return;
        }
        history.returnToCurrent();
        Optional<Claim> previous = queue.undo(dataset.name(), annotator);
        if (previous.isEmpty()) {
            Notification.show("Nothing to undo: no label of yours that nobody changed since.");
            if (claim != null) {
                show(claim);
            }
            return;
        }
        release();
        session.undone();
        history.undone();
        show(previous.get());
    }

    private void claimNext() {
        claim = null;
        Optional<Claim> next = ahead.next();
        if (next.isPresent()) {
            show(next.get());
        } else {
            showEmpty("Nothing to label in " + dataset.name() + " right now. " + refillForecast());
        }
    }

    private String refillForecast() {
        try {
            return forecast.whenRefilled(dataset.name());
        } catch (RuntimeException e) {
            return "The queue refills when the loop scores and selects the next batch.";
        }
    }

    private void show(Claim next) {
        claim = next;
        lookingBack.setVisible(false);
        pollWhileEmpty(false);
        card.show(next.record());
        showChoices(next.record());
        actions.setEnabled(true);
        updateStats();
    }

    private void showChoices(TextRecord record) {
        labelButtons.setEnabled(true);
        picker.setEnabled(true);
        if (manyLabels()) {
            picker.show(record.predictions());
        }
    }

    private void showEmpty(String message) {
        claim = null;
        lookingBack.setVisible(false);
        pollWhileEmpty(dataset != null);
        card.showEmpty(message);
        labelButtons.setEnabled(false);
        picker.setEnabled(false);
        actions.setEnabled(dataset != null);
        updateStats();
    }

    private void pollWhileEmpty(boolean on) {
        getUI().ifPresent(ui -> ui.setPollInterval(on ? EMPTY_POLL_MILLIS : -1));
    }

    private void updateStats() {
        counter.setText("Labeled this session: " + session.count());
        discards.setText("Discarded: " + session.discards());
        pace.setText(session.perHour() + " labels/hour");
        waiting.setText(ahead == null ? "" : "Waiting in queue: " + waitingCount());
    }

    private String waitingCount() {
        OptionalLong count = ahead.waiting();
        return count.isPresent() ? String.valueOf(count.getAsLong()) : "…";
    }

    private void rejected(StaleWriteException e) {
        Notification n = Notification.show("Not saved: someone else changed this record, or your hold on it "
                + "expired. Nothing was overwritten; here is the next record. (" + e.getMessage() + ")", 8000,
                Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static void failed(String what, RuntimeException e) {
        Notification n = Notification.show(what + ": " + e.getMessage(), 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Gives both records back (the one shown and the one claimed ahead), e.g. when leaving the page. */
    private void leave() {
        if (ahead != null) {
            ahead.close();
            ahead = null;
        }
        release();
    }

    /** Gives the record back, so that leaving the page doesn't lock it until its lease runs out. */
    private void release() {
        if (claim != null) {
            queue.giveBack(claim);
            claim = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        emptyPoll = event.getUI().addPollListener(poll -> {
            if (claim == null && dataset != null) {
                claimNext();
            }
        });
        pollWhileEmpty(claim == null && dataset != null);
        updateStats();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        emptyPoll.remove();
        if (event.getUI().getPollInterval() == EMPTY_POLL_MILLIS) {
            event.getUI().setPollInterval(-1);
        }
        leave();
    }
}
