package io.labelloop.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.StaleWriteException;
import io.labelloop.dataset.TextRecord;
import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.StoreFixture;

/** Queue behaviour every store (embedded node, two-node cluster) must show. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LabelingQueueContract {

    static final List<String> LABELS = List.of("negative", "neutral", "positive");
    protected DatasetService datasets;
    protected LabelingQueueService queue;

    protected abstract OpenSearchStore store();

    /** Labels each of the 8 concurrent annotators gives in the concurrency test. */
    protected abstract int labelsPerAnnotator();

    @BeforeAll
    void startServices() {
        datasets = new DatasetService(store(), DatasetProperties.defaults());
        queue = new LabelingQueueService(store(), datasets, QueueProperties.defaults());
    }

    protected String datasetWith(int records) {
        String name = StoreFixture.uniqueName("q");
        datasets.create(name, LABELS);
        List<TextRecord> logged = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            logged.add(TextRecord.of("r" + i, "text number " + i, Map.of()));
        }
        datasets.log(name, logged);
        return name;
    }

    protected static List<QueueItem> byPriority(int count) {
        List<QueueItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new QueueItem("r" + i, count - i));
        }
        return items;
    }

    @Test
    public void claimsComeHighestPriorityFirstAndLabelsDrainTheQueue() {
        String name = datasetWith(5);
        assertThat(queue.fill(name, byPriority(5))).isEqualTo(5);

        List<String> order = new ArrayList<>();
        for (Optional<Claim> c = queue.claimNext(name, "ann"); c.isPresent(); c = queue.claimNext(name, "ann")) {
            order.add(c.get().recordId());
            queue.label(c.get(), "neutral");
        }

        assertThat(order).containsExactly("r0", "r1", "r2", "r3", "r4");
        queue.refresh(name);
        assertThat(queue.stats(name)).isEqualTo(new QueueStats(0, 0, 5));
        assertThat(datasets.record(name, "r4").orElseThrow().annotation().annotator()).isEqualTo("ann");
    }

    @Test
    public void refillingLeavesOutLabeledRecordsAndKeepsLiveClaims() {
        String name = datasetWith(4);
        queue.fill(name, byPriority(4));
        Claim labeled = queue.claimNext(name, "ann").orElseThrow();
        queue.label(labeled, "positive");
        Claim held = queue.claimNext(name, "bob").orElseThrow();

        assertThat(queue.fill(name, byPriority(4))).as("r0 labeled, r1 held by bob").isEqualTo(2);
        assertThat(queue.stats(name).claimed()).isEqualTo(1);
        assertThat(queue.label(held, "negative").label()).isEqualTo("negative");
    }

    @Test
    public void twoAnnotatorsNeverHoldTheSameRecordAndALostClaimCannotLabel() {
        String name = datasetWith(3);
        MovableClock clock = new MovableClock();
        LabelingQueueService shortLease = new LabelingQueueService(store(), datasets,
                new QueueProperties(Duration.ofMinutes(5), 16), clock);
        shortLease.fill(name, byPriority(1));

        Claim ann = shortLease.claimNext(name, "ann").orElseThrow();
        shortLease.refresh(name);
        assertThat(shortLease.claimNext(name, "bob")).isEmpty();
        clock.advance(Duration.ofMinutes(4));
        assertThat(shortLease.claimNext(name, "bob")).as("lease not over yet").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        Claim bob = shortLease.claimNext(name, "bob").orElseThrow();
        assertThat(bob.recordId()).isEqualTo(ann.recordId());

        assertThatThrownBy(() -> shortLease.label(ann, "positive")).isInstanceOf(StaleWriteException.class)
                .hasMessageContaining("claimed by bob");
        shortLease.label(bob, "negative");
        assertThat(datasets.record(name, "r0").orElseThrow().label()).isEqualTo("negative");
    }

    @Test
    public void aLabelWhoseRecordWriteFailedCanBeRetriedWithTheSameClaim() throws Exception {
        String name = datasetWith(2);
        queue.fill(name, byPriority(2));
        Claim claim = queue.claimNext(name, "ann").orElseThrow();

        blockWrites(name, true);
        try {
            assertThatThrownBy(() -> queue.label(claim, "positive")).isNotInstanceOf(StaleWriteException.class);
        } finally {
            blockWrites(name, false);
        }

        assertThat(queue.label(claim, "positive").label()).isEqualTo("positive");
        assertThat(datasets.record(name, "r0").orElseThrow().annotation().annotator()).isEqualTo("ann");
        assertThat(queue.claimNext(name, "bob").orElseThrow().recordId()).isEqualTo("r1");
    }

    private void blockWrites(String dataset, boolean blocked) throws IOException {
        String index = store().index("records", dataset);
        store().client().indices().putSettings(s -> s.index(index).settings(i -> i.blocks(b -> b.write(blocked))));
    }

    @Test
    public void aClaimMadeWhileTheQueueIsClearedSurvivesTheClearing() {
        String name = datasetWith(2);
        queue.fill(name, byPriority(2));
        QueueEntries entries = new QueueEntries(store(), datasets, QueueProperties.defaults());
        String index = entries.index(name);
        var seenByTheClearing = entries.notLiveClaims(index, Instant.now());
        Claim claim = queue.claimNext(name, "ann").orElseThrow();

        entries.delete(index, seenByTheClearing);

        assertThat(entries.get(name, claim.recordId())).isPresent();
        assertThat(queue.fill(name, byPriority(2))).as("only the unclaimed record is queued again").isEqualTo(1);
        assertThat(queue.claimNext(name, "bob").orElseThrow().recordId()).isNotEqualTo(claim.recordId());
        assertThat(queue.label(claim, "neutral").label()).isEqualTo("neutral");
    }

    @Test
    public void countingTheQueueDoesNotRefreshIt() throws IOException {
        String name = datasetWith(3);
        queue.fill(name, byPriority(3));
        queue.label(queue.claimNext(name, "ann").orElseThrow(), "neutral");
        String index = store().index("queue", name);
        long before = refreshes(index);

        for (int i = 0; i < 20; i++) {
            queue.stats(name);
        }
        queue.skip(queue.claimNext(name, "ann").orElseThrow());

        assertThat(refreshes(index) - before).as("refreshes of the queue index (scheduled ones aside)").isLessThan(5);
    }

    private long refreshes(String index) throws IOException {
        return store().client().indices().stats(s -> s.index(index).metric("refresh")).all().total().refresh()
                .externalTotal();
    }

    @Test
    public void aLabelOnARecordChangedSinceItWasSeenIsRefused() {
        String name = datasetWith(2);
        queue.fill(name, byPriority(2));
        TextRecord seen = datasets.record(name, "r1").orElseThrow();
        Claim claim = queue.claimNext(name, "ann").orElseThrow();

        queue.label(name, "r1", seen.revision(), "positive", "bob");
        queue.label(claim, "neutral");

        assertThatThrownBy(() -> queue.label(name, "r1", seen.revision(), "negative", "carl"))
                .isInstanceOf(StaleWriteException.class).hasMessageContaining("labeled 'positive' by bob");
        queue.refresh(name);
        assertThat(queue.depth(name)).isZero();
    }

    @Test
    public void aSkippedRecordGoesToSomeoneElseAndADiscardIsNotALabel() {
        String name = datasetWith(2);
        queue.fill(name, byPriority(2));
        Claim first = queue.claimNext(name, "ann").orElseThrow();
        queue.skip(first);
        queue.refresh(name);

        assertThat(queue.claimNext(name, "ann").orElseThrow().recordId()).isEqualTo("r1");
        Claim bobs = queue.claimNext(name, "bob").orElseThrow();
        assertThat(bobs.recordId()).isEqualTo("r0");
        assertThat(queue.discard(bobs).status()).isEqualTo(RecordStatus.DISCARDED);
        assertThat(datasets.record(name, "r0").orElseThrow().annotation()).isNull();
    }

    @Test
    public void undoRestoresTheAnnotatorsLastLabelAndHandsTheRecordBack() {
        String name = datasetWith(3);
        queue.fill(name, byPriority(3));
        Instant before = Instant.now();
        queue.label(queue.claimNext(name, "ann").orElseThrow(), "positive");
        queue.label(queue.claimNext(name, "ann").orElseThrow(), "negative");

        Claim again = queue.undo(name, "ann").orElseThrow();

        assertThat(again.recordId()).isEqualTo("r1");
        assertThat(again.record().status()).isEqualTo(RecordStatus.DEFAULT);
        assertThat(datasets.record(name, "r1").orElseThrow().annotation()).isNull();
        queue.label(again, "neutral");
        assertThat(datasets.record(name, "r1").orElseThrow().label()).isEqualTo("neutral");
        assertThat(queue.undo(name, "bob")).isEmpty();
        datasets.refresh(name);
        assertThat(queue.labelsSince(name, before)).isEqualTo(2);
    }

    @Test
    public void labelingWithClaimsAheadStillFollowsPriorityOrder() {
        String name = datasetWith(4);
        queue.fill(name, byPriority(4));

        List<String> order = new ArrayList<>();
        try (ClaimAhead session = queue.claimAhead(name, "ann")) {
            for (Optional<Claim> c = session.next(); c.isPresent(); c = session.next()) {
                order.add(c.get().recordId());
                queue.label(c.get(), "neutral");
            }
        }

        assertThat(order).containsExactly("r0", "r1", "r2", "r3");
    }

    @Test
    public void aRecordClaimedAheadIsNobodyElsesAndGoesBackWhenTheSessionCloses() {
        String name = datasetWith(3);
        queue.fill(name, byPriority(3));
        ClaimAhead ann = queue.claimAhead(name, "ann");
        assertThat(ann.next().orElseThrow().recordId()).isEqualTo("r0");

        Claim bobs = queue.claimNext(name, "bob").orElseThrow();
        Claim anns = ann.next().orElseThrow();
        assertThat(List.of(bobs.recordId(), anns.recordId())).containsExactlyInAnyOrder("r1", "r2");

        ann.close();
        queue.refresh(name);
        assertThat(queue.claimNext(name, "bob")).as("r0 and the second record are held by ann's claims, "
                + "and nothing is left ahead").isEmpty();
        queue.skip(anns);
        queue.refresh(name);
        assertThat(queue.claimNext(name, "bob").orElseThrow().recordId()).isEqualTo(anns.recordId());
    }

    @Test
    public void closingASessionGivesTheRecordHeldAheadBackToEveryoneItsAnnotatorIncluded() {
        String name = datasetWith(2);
        queue.fill(name, byPriority(2));
        ClaimAhead ann = queue.claimAhead(name, "ann");
        Claim shown = ann.next().orElseThrow();
        assertThat(shown.recordId()).isEqualTo("r0");

        ann.close();
        queue.giveBack(shown);
        queue.refresh(name);

        assertThat(queue.claimNext(name, "ann").orElseThrow().recordId()).as("leaving is not skipping").isEqualTo("r0");
        assertThat(queue.claimNext(name, "ann").orElseThrow().recordId()).isEqualTo("r1");
    }

    @Test
    public void theWaitingCountIsCountedOnceUpFrontThenAgainInTheBackgroundEveryFewSeconds() throws Exception {
        String name = datasetWith(3);
        MovableClock clock = new MovableClock();
        LabelingQueueService timed = new LabelingQueueService(store(), datasets, QueueProperties.defaults(), clock);
        timed.fill(name, byPriority(3));
        try (ClaimAhead ann = timed.claimAhead(name, "ann")) {
            assertThat(ann.waiting()).hasValue(3);

            timed.label(timed.claimNext(name, "bob").orElseThrow(), "neutral");
            timed.refresh(name);
            assertThat(ann.waiting()).as("counted less than %s ago", ClaimAhead.COUNT_WAITING_EVERY).hasValue(3);

            clock.advance(ClaimAhead.COUNT_WAITING_EVERY);
            ann.waiting();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (ann.waiting().orElse(-1) != 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ann.waiting()).as("recounted in the background").hasValue(2);
        } finally {
            timed.close();
        }
    }

    @Test
    public void eightConcurrentAnnotatorsLoseNoLabelAndApplyNoneTwice() throws Exception {
        int perAnnotator = labelsPerAnnotator();
        int annotators = 8;
        String name = datasetWith(annotators * perAnnotator);
        queue.fill(name, byPriority(annotators * perAnnotator));
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        List<String> twice = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(annotators);
        List<Future<Integer>> done = new ArrayList<>();
        for (int a = 0; a < annotators; a++) {
            String annotator = "annotator-" + a;
            done.add(pool.submit(() -> {
                int labels = 0;
                for (Optional<Claim> c = queue.claimNext(name, annotator); c.isPresent(); c = queue.claimNext(name, annotator)) {
                    queue.label(c.get(), LABELS.get(labels % 3));
                    if (acknowledged.putIfAbsent(c.get().recordId(), annotator) != null) {
                        twice.add(c.get().recordId());
                    }
                    labels++;
                }
                return labels;
            }));
        }
        int total = 0;
        for (Future<Integer> f : done) {
            total += f.get();
        }
        pool.shutdown();

        assertThat(twice).isEmpty();
        assertThat(total).isEqualTo(annotators * perAnnotator);
        datasets.refresh(name);
        Map<String, String> stored;
        try (var records = datasets.stream(name, RecordQuery.all().withStatuses(RecordStatus.VALIDATED))) {
            stored = records.collect(Collectors.toMap(TextRecord::id, r -> r.annotation().annotator()));
        }
        assertThat(stored).isEqualTo(acknowledged);
        queue.refresh(name);
        assertThat(queue.depth(name)).isZero();
    }

    /** A clock the test moves forward, so lease expiry needs no sleeping (robust on a busy machine). */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
