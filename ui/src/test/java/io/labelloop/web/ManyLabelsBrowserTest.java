package io.labelloop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.PredictedLabel;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.model.LabelDescription;
import io.labelloop.model.LabelSetFile;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.queue.QueueItem;

/**
 * The labeling view on a dataset of banking77's 77 intents (the shipped label set), by keyboard only: a filter typed
 * with letters that are also keys (s of "transfer" is Skip), ↓ and Enter; a filter that matches no label refused;
 * and the model's top five as keys 1-5; the REST API refuses a label outside the set. Same Spring context as the other browser tests; its own dataset, removed after.
 */
@WebAppTest
class ManyLabelsBrowserTest {

    static final String DATASET = "ui-intents";
    static final Path LABEL_SET = Path.of("../config/labels/banking77-intents.yaml");
    /** Each record's five most likely intents, as a model would have scored them, best first. */
    static final Map<String, List<String>> TOP_FIVE = Map.of(
            "intent-1", List.of("transfer_timing", "pending_transfer", "transfer_not_received_by_recipient",
                    "balance_not_updated_after_bank_transfer", "failed_transfer"),
            "intent-2", List.of("card_arrival", "card_delivery_estimate", "order_physical_card",
                    "get_physical_card", "activate_my_card"));

    @LocalServerPort
    int port;
    @Autowired
    DatasetService datasets;
    @Autowired
    LabelingQueueService queue;

    Browser browser;

    @BeforeAll
    void queueTwoScoredRecordsAndSignIn() throws IOException {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed: apt-get install -y chromium chromium-driver");
        List<String> labels = LabelSetFile.read(LABEL_SET).stream().map(LabelDescription::label).toList();
        datasets.create(DATASET, labels, 0.0);
        datasets.log(DATASET, List.of(
                TextRecord.of("intent-1", "I sent money to my sister on Monday and she still has nothing", Map.of()),
                TextRecord.of("intent-2", "Where is my new card? I ordered it ten days ago", Map.of()),
                TextRecord.of("intent-3", "Labeled through the API only", Map.of())));
        Map<String, List<PredictedLabel>> predictions = new LinkedHashMap<>();
        TOP_FIVE.forEach((id, top) -> predictions.put(id, scores(labels, top)));
        datasets.storePredictions(DATASET, predictions, "v3");
        datasets.refresh(DATASET);
        queue.fill(DATASET, List.of(new QueueItem("intent-1", 0.9), new QueueItem("intent-2", 0.8)));
        browser = Browser.start("http://localhost:" + port + "/");
        browser.signIn(WebAppBrowserTest.ANNOTATOR, WebAppBrowserTest.ANNOTATOR_PASSWORD);
    }

    @AfterAll
    void stopBrowserAndDropTheDataset() throws IOException {
        if (browser != null) {
            browser.close();
        }
        datasets.delete(DATASET);
    }

    @Test
    @Order(1)
    void aRecordIsLabeledByTypingAFilterMovingDownAndPressingEnterWhileAFilterMatchingNothingIsRefused() {
        browser.open("?dataset=" + DATASET);
        browser.until(d -> "intent-1".equals(browser.recordId()));
        assertThat(browser.all(By.cssSelector("#label-list .ll-label-item"))).hasSize(77);

        keys("zzz", Keys.ENTER);
        browser.until(d -> browser.text(By.tagName("vaadin-notification-card")).contains("'zzz' is not a label"));
        assertThat(browser.text(By.id("label-list"))).isEqualTo("No label matches 'zzz'");
        keys(Keys.ESCAPE, "transfer");
        browser.until(d -> listed().size() == 10 && listed().get(0).equals("transfer_fee_charged"));
        keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        browser.until(d -> browser.text(By.cssSelector("#label-list .ll-active")).equals("transfer_not_received_by_recipient"));
        browser.screenshot("labeling-many-labels");
        keys(Keys.ENTER);

        browser.until(d -> "intent-2".equals(browser.recordId()));
        assertStored("intent-1", "transfer_not_received_by_recipient");
        assertThat(browser.all(By.cssSelector("#label-list .ll-label-item"))).as("the filter is empty again").hasSize(77);
    }

    @Test
    @Order(2)
    void theDigitKeysAreTheModelsTopFive() {
        assertThat(browser.text(By.id("top-2"))).contains("card_delivery_estimate");

        keys("2");

        browser.until(d -> browser.recordId() == null);
        assertStored("intent-2", "card_delivery_estimate");
    }

    @Test
    @Order(3)
    void theApiRefusesALabelOutsideTheSeventySevenNamingIt() throws Exception {
        long revision = datasets.record(DATASET, "intent-3").orElseThrow().revision();

        HttpResponse<String> answer = new ApiClient(port).call("PUT", "/api/datasets/" + DATASET
                + "/records/intent-3/label", ApiClient.ANNOTATOR, "{\"label\":\"card_arived\",\"revision\":" + revision + "}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("'card_arived' is not in the label set");
        assertThat(datasets.record(DATASET, "intent-3").orElseThrow().label()).isNull();
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private List<String> listed() {
        return browser.all(By.cssSelector("#label-list .ll-label-item")).stream().map(e -> e.getText()).toList();
    }

    private void assertStored(String id, String label) {
        TextRecord stored = datasets.record(DATASET, id).orElseThrow();
        assertThat(stored.status()).isEqualTo(RecordStatus.VALIDATED);
        assertThat(stored.label()).isEqualTo(label);
    }

    /** The top five from 0.30 down, the other 72 intents sharing what is left. */
    private static List<PredictedLabel> scores(List<String> labels, List<String> top) {
        List<PredictedLabel> scores = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            scores.add(new PredictedLabel(top.get(i), 0.30 - i * 0.05));
        }
        double rest = 0.2 / (labels.size() - top.size());
        labels.stream().filter(l -> !top.contains(l)).forEach(l -> scores.add(new PredictedLabel(l, rest)));
        return scores;
    }
}
