package io.labelloop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.loop.ProgressTracker;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.queue.QueueItem;

/**
 * What happens when people share the app: two annotators labeling one dataset at once, a record changed by someone
 * else under a bulk action, a session that expires mid-label, and an empty queue that says when it refills. Same
 * Spring context as {@link WebAppBrowserTest} (the configuration is identical, so Spring reuses it); every test works
 * on records it logs itself, so the two classes may run in either order.
 */
@WebAppTest
class SharedLabelingBrowserTest {

    static final String DATASET = WebAppBrowserTest.DATASET;
    static final String ANNOTATOR = WebAppBrowserTest.ANNOTATOR;
    static final String ANNOTATOR_PASSWORD = WebAppBrowserTest.ANNOTATOR_PASSWORD;
    static final String ANNOTATOR2 = "annotator2";
    static final String ANNOTATOR2_PASSWORD = "annotator2-secret";
    /** The loop of config/loops/ui-empty.yaml: no routes, a new training every 5 labels. */
    static final String EMPTY = "ui-empty";
    static final List<String> LABELS = List.of("NEGATIVE", "POSITIVE");

    @LocalServerPort
    int port;
    @Autowired
    DatasetService datasets;
    @Autowired
    LabelingQueueService queue;
    @Autowired
    ProgressTracker progress;
    @Autowired
    ServletWebServerApplicationContext web;

    Browser first;
    Browser second;

    @BeforeAll
    void startTwoBrowsers() throws IOException {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed: apt-get install -y chromium chromium-driver");
        first = Browser.start("http://localhost:" + port + "/");
        second = Browser.start("http://localhost:" + port + "/");
    }

    @AfterAll
    void stopBrowsersAndDropTheEmptyLoopsDataset() throws IOException {
        // WebAppBrowserTest's views open the first dataset by name: leave only its own behind
        datasets.delete(EMPTY);
        for (Browser b : new Browser[] {first, second}) {
            if (b != null) {
                b.close();
            }
        }
    }

    @Test
    @Order(1)
    void twoAnnotatorsLabelingAtOnceNeverGetTheSameRecordAndEveryLabelKeepsItsAnnotator() throws Exception {
        List<String> ids = logRecords(DATASET, "shared-", 30, "Two people label this card question number ");
        queue.fill(DATASET, queueItems(ids));
        first.signIn(ANNOTATOR, ANNOTATOR_PASSWORD);
        second.signIn(ANNOTATOR2, ANNOTATOR2_PASSWORD);
        long before = validated(DATASET);

        ExecutorService hands = Executors.newFixedThreadPool(2);
        List<Labeled> byFirst;
        List<Labeled> bySecond;
        try {
            Future<List<Labeled>> a = hands.submit(() -> labelByKeyboard(first, 8));
            Future<List<Labeled>> b = hands.submit(() -> labelByKeyboard(second, 8));
            byFirst = a.get();
            bySecond = b.get();
        } finally {
            hands.shutdownNow();
        }

        Set<String> seenByFirst = shown(byFirst, first.recordId());
        Set<String> seenBySecond = shown(bySecond, second.recordId());
        assertThat(seenByFirst).hasSize(9).doesNotContainAnyElementsOf(seenBySecond);
        assertThat(seenBySecond).hasSize(9);
        assertThat(validated(DATASET)).isEqualTo(before + 16);
        assertStoredAsGiven(byFirst, ANNOTATOR);
        assertStoredAsGiven(bySecond, ANNOTATOR2);
    }

    @Test
    @Order(2)
    void aBulkLabelSkipsARecordSomeoneElseChangedAfterTheUserSawIt() {
        List<String> ids = logRecords(DATASET, "bulk-skip-", 3, "zqxbulk refund request number ");
        first.signIn(ANNOTATOR, ANNOTATOR_PASSWORD);
        first.open("explore?dataset=" + DATASET);
        first.waitFor(By.id("search")).findElement(By.tagName("input")).sendKeys("zqxbulk");
        first.until(d -> first.text(By.id("matching-count")).equals("3 records match"));
        first.until(d -> ((Number) first.js(ROW_CHECKBOXES + "return boxes.length")).intValue() == 3);
        first.js(ROW_CHECKBOXES + "boxes.forEach(c => c.click())");
        first.until(d -> ((Number) first.js(ROW_CHECKBOXES + "return boxes.filter(c => c.checked).length")).intValue() == 3);
        first.settle();

        String changed = ids.get(1);
        TextRecord before = datasets.record(DATASET, changed).orElseThrow();
        datasets.annotate(DATASET, changed, before.revision(), "POSITIVE", ANNOTATOR2);
        first.waitFor(By.id("label-selected")).click();

        first.until(d -> String.valueOf(first.js("return document.querySelector('vaadin-notification-card')?.innerText"))
                .contains("applied"));
        String said = String.valueOf(first.js("return document.querySelector('vaadin-notification-card').innerText"));
        assertThat(said).contains("Labeled NEGATIVE: 2 applied, 1 skipped (changed by someone else");
        first.screenshot("explorer-bulk-skipped");
        datasets.refresh(DATASET);
        for (String id : ids) {
            TextRecord r = datasets.record(DATASET, id).orElseThrow();
            assertThat(r.label()).as(id).isEqualTo(id.equals(changed) ? "POSITIVE" : "NEGATIVE");
            assertThat(r.annotation().annotator()).as(id).isEqualTo(id.equals(changed) ? ANNOTATOR2 : ANNOTATOR);
        }
    }

    @Test
    @Order(3)
    void aLabelPressedAfterTheSessionExpiredIsRejectedInPlainWordsAndTheRecordStaysLabelable() throws Exception {
        // three: the view holds the first on screen and the second claimed ahead; both go back when the session ends
        List<String> ids = logRecords(DATASET, "expiry-", 3, "A label given as my session ends, number ");
        String onScreen = ids.get(0);
        queue.fill(DATASET, queueItems(ids));
        first.signIn(ANNOTATOR, ANNOTATOR_PASSWORD);
        first.until(d -> onScreen.equals(first.recordId()));
        long before = validated(DATASET);

        expireServerSession(first);
        new Actions(first.driver).sendKeys("1").perform();

        first.until(d -> String.valueOf(first.js("return document.querySelector('.v-system-error')?.innerText"))
                .contains("NOT saved"));
        first.screenshot("labeling-session-expired");
        datasets.refresh(DATASET);
        assertThat(datasets.record(DATASET, onScreen).orElseThrow().status()).isEqualTo(RecordStatus.DEFAULT);
        assertThat(validated(DATASET)).isEqualTo(before);

        first.driver.findElement(By.cssSelector(".v-system-error")).click();
        first.until(d -> d.getCurrentUrl().contains("/login"));
        first.fillLogin(ANNOTATOR, ANNOTATOR_PASSWORD);
        // the expired session's view gave its records back, and leaving is not skipping: the record comes back to
        // its own annotator (first, by priority, unless the queue index has not refreshed yet)
        for (int i = 0; i < ids.size() && datasets.record(DATASET, onScreen).orElseThrow().annotation() == null; i++) {
            String shown = first.until(d -> first.recordId());
            new Actions(first.driver).sendKeys("2").perform();
            first.until(d -> !Objects.equals(first.recordId(), shown));
            datasets.refresh(DATASET);
        }
        assertThat(datasets.record(DATASET, onScreen).orElseThrow().annotation().annotator()).isEqualTo(ANNOTATOR);
    }

    @Test
    @Order(4)
    void anEmptyQueueSaysHowManyLabelsTheNextTrainingNeedsAndFillsWithoutAReload() {
        datasets.create(EMPTY, LABELS, 0.0);
        List<String> ids = logRecords(EMPTY, "empty-", 8, "Nothing queued yet, record number ");
        queue.fill(EMPTY, List.of());
        datasets.annotate(EMPTY, ids.subList(0, 2), "NEGATIVE", ANNOTATOR2);
        datasets.refresh(EMPTY);

        first.open("?dataset=" + EMPTY);
        assertThat(labelsStillNeeded()).containsExactly(3, 2, 5);
        first.screenshot("labeling-empty");

        datasets.annotate(EMPTY, ids.subList(2, 3), "POSITIVE", ANNOTATOR2);
        datasets.refresh(EMPTY);
        first.open("?dataset=" + EMPTY);
        assertThat(labelsStillNeeded()).containsExactly(2, 3, 5);

        datasets.annotate(EMPTY, ids.subList(3, 5), "POSITIVE", ANNOTATOR2);
        datasets.refresh(EMPTY);
        first.open("?dataset=" + EMPTY);
        assertThat(first.text(By.id("queue-empty"))).contains("A training of ui-empty is due now (5 new labels)");

        progress.start(EMPTY, "score v1", 200);
        progress.update(EMPTY, 50);
        try {
            first.open("?dataset=" + EMPTY);
            assertThat(first.text(By.id("queue-empty"))).contains("running its step \"score v1\" now (50 of 200, 25%");
        } finally {
            progress.finish(EMPTY);
        }

        queue.fill(EMPTY, List.of(new QueueItem(ids.get(7), 1.0)));
        first.until(d -> ids.get(7).equals(first.recordId()));
    }

    /** The three numbers of "starts after N more labels (M of K since the last training": N, M, K. */
    private List<Integer> labelsStillNeeded() {
        String text = first.text(By.id("queue-empty"));
        Matcher m = Pattern.compile("starts after (\\d+) more labels \\((\\d+) of (\\d+) since the last training")
                .matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private record Labeled(String id, String label) {
    }

    /** Labels {@code n} records in a row by keyboard, as fast as the view shows them. */
    private static List<Labeled> labelByKeyboard(Browser browser, int n) {
        List<Labeled> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = browser.until(d -> browser.recordId());
            int key = i % LABELS.size();
            new Actions(browser.driver).sendKeys(String.valueOf(key + 1)).perform();
            browser.until(d -> !Objects.equals(browser.recordId(), id));
            done.add(new Labeled(id, LABELS.get(key)));
        }
        return done;
    }

    private static Set<String> shown(List<Labeled> labeled, String onScreenNow) {
        Set<String> ids = new HashSet<>();
        labeled.forEach(l -> ids.add(l.id()));
        ids.add(onScreenNow);
        return ids;
    }

    private void assertStoredAsGiven(List<Labeled> labeled, String annotator) {
        for (Labeled l : labeled) {
            TextRecord r = datasets.record(DATASET, l.id()).orElseThrow();
            assertThat(r.label()).as(l.id()).isEqualTo(l.label());
            assertThat(r.annotation().annotator()).as(l.id()).isEqualTo(annotator);
        }
    }

    /** Declares {@code boxes}: the selection checkboxes of the grid's rows that show a record (not the header's). */
    private static final String ROW_CHECKBOXES = "const boxes = [...document.querySelectorAll('#records vaadin-grid-cell-content')]"
            + ".filter(c => { const row = c.assignedSlot && c.assignedSlot.closest('tr');"
            + " return row && row.parentElement && row.parentElement.id === 'items' && !row.hidden && row._item; })"
            + ".map(c => c.querySelector('vaadin-checkbox')).filter(b => b);";

    /** Ends the browser's server session as Tomcat does when it times out (listeners run, Vaadin closes its UIs). */
    private void expireServerSession(Browser browser) throws IOException {
        Cookie cookie = browser.driver.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).as("session cookie").isNotNull();
        Context context = (Context) ((TomcatWebServer) web.getWebServer()).getTomcat().getHost().findChildren()[0];
        Manager sessions = context.getManager();
        Session session = sessions.findSession(cookie.getValue());
        assertThat(session).as("server session " + cookie.getValue()).isNotNull();
        session.expire();
    }

    private List<String> logRecords(String dataset, String prefix, int n, String text) {
        List<TextRecord> records = IntStream.rangeClosed(1, n)
                .mapToObj(i -> TextRecord.of(prefix + i, text + i, Map.of("product", "card"))).toList();
        datasets.log(dataset, records);
        datasets.refresh(dataset);
        return records.stream().map(TextRecord::id).toList();
    }

    /** Queue order = list order. */
    private static List<QueueItem> queueItems(List<String> ids) {
        return IntStream.range(0, ids.size()).mapToObj(i -> new QueueItem(ids.get(i), 1.0 - i / 1000.0)).toList();
    }

    private long validated(String dataset) {
        datasets.refresh(dataset);
        return datasets.count(dataset, io.labelloop.dataset.RecordQuery.all().withStatuses(RecordStatus.VALIDATED));
    }
}
