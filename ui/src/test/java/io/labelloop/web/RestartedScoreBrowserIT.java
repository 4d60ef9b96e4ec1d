package io.labelloop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelloop.bench.ChildApp;
import io.labelloop.bench.Rest;
import io.labelloop.dataset.CsvParser;

/**
 * The built jar as a user runs it ({@code serve} on a home of its own with the shipped loop), killed with SIGKILL in
 * the middle of its first long score and started again on the same data. In real Chromium the loops view then shows
 * the score continuing from its stored checkpoint; a pause during it answers at once as pausing, stops it at a safe
 * point, and Resume takes the same task on to 100%, every record scored once by one version.
 *
 * <p>An integration test (failsafe, after {@code package}) because it needs the jar and two processes in a row.
 */
class RestartedScoreBrowserIT {

    private static final String LOOP = "banking-sentiment";
    private static final Path REPO = Path.of(System.getProperty("labelloop.repo", ".."));
    private static final Path JAR = Path.of(System.getProperty("labelloop.jar", "target/labelloop.jar"));
    private static final Path BANKING = Path.of(System.getProperty("labelloop.datasets", "../../shared/datasets"))
            .resolve("banking77/train-sentiment.csv");
    /** Texts imported: a score of some tens of seconds on two cores, long enough to kill and then pause inside. */
    private static final int TEXTS = 5000;
    /** Two of the score step's chunks stored: the kill lands well inside the score. */
    private static final int SCORED_BEFORE_KILL = 1024;
    private static final Duration LONG_WAIT = Duration.ofMinutes(4);
    private Path home;
    private ChildApp app;
    private Rest admin;
    private Browser browser;

    @AfterEach
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aScoreKilledMidwayContinuesAfterTheRestartAndAPauseDuringItAnswersAtOnceAndResumesTo100Percent()
            throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed: apt-get install -y chromium chromium-driver");
        assumeTrue(Files.exists(BANKING), "banking77 not found at " + BANKING + " (set labelloop.datasets)");
        assertThat(JAR).as("the jar that package built").isRegularFile();
        prepareHome();
        app = new ChildApp(JAR.toAbsolutePath(), home, "2g", Map.of());
        admin = new Rest(app.baseUrl(), "admin", ChildApp.ADMIN_PASSWORD);

        start();
        JsonNode beforeKill = awaitLoop(p -> p.path("task").asText().startsWith("score ")
                && p.path("running").asBoolean() && p.path("done").asLong() >= SCORED_BEFORE_KILL);
        String task = beforeKill.path("task").asText();
        long total = beforeKill.path("total").asLong();
        app.kill();

        start();
        browser = Browser.start(app.baseUrl() + "/");
        browser.signIn("admin", ChildApp.ADMIN_PASSWORD);
        browser.open("loops");
        browser.until(LONG_WAIT, d -> progressText().startsWith("Running: " + task));
        JsonNode continued = loop().path("progress");
        assertThat(continued.path("doneAtStart").asLong()).as("continued from the checkpoint, not from zero")
                .isGreaterThanOrEqualTo(beforeKill.path("done").asLong());
        assertThat(continued.path("total").asLong()).isEqualTo(total);

        browser.click(By.id("pause-" + LOOP));
        browser.until(d -> browser.text(By.id("state-" + LOOP)).startsWith("pausing: waiting for " + task)
                || loop().path("state").asText().equals("paused"));
        browser.until(LONG_WAIT, d -> progressText().startsWith("Paused: " + task));
        JsonNode paused = loop();
        long pausedAt = paused.path("interrupted").path("done").asLong();
        assertThat(paused.path("state").asText()).isEqualTo("paused");
        assertThat(pausedAt).isGreaterThan(continued.path("doneAtStart").asLong()).isLessThan(total);
        assertThat(progressText()).contains(pausedAt + " / " + total).contains("continues on resume");
        assertThat((String) browser.js("return document.getElementById('loops').innerText"))
                .as("a pause is no failure").doesNotContain("failed").contains("paused at a safe point");
        browser.screenshot("loops-paused-score");

        browser.click(By.id("resume-" + LOOP));
        browser.until(LONG_WAIT, d -> progressText().startsWith("Last task: " + task));
        assertThat(progressText()).contains(total + " / " + total + " (100%)");
        JsonNode finished = loop().path("progress");
        assertThat(finished.path("doneAtStart").asLong()).as("resumed where the pause stopped it").isEqualTo(pausedAt);
        String version = task.substring("score ".length());
        assertThat(get("/api/datasets/" + LOOP + "/stats?modelVersion=" + URLEncoder.encode(version, StandardCharsets.UTF_8)).path("total").asLong())
                .as("every record of the pool scored by that one version").isEqualTo(total);
    }

    /** A home as a user's checkout has it (config/, routes/), with {@link #TEXTS} real banking texts to import. */
    private void prepareHome() throws IOException {
        home = Path.of("target", "restart-it").toAbsolutePath();
        FileSystemUtils.deleteRecursively(home);
        FileSystemUtils.copyRecursively(REPO.resolve("config"), home.resolve("config"));
        FileSystemUtils.copyRecursively(REPO.resolve("routes"), home.resolve("routes"));
        Path records = home.resolve("records.csv");
        writeTexts(records);
        // the shipped start route imports this file before its first score
        Files.writeString(home.resolve("config/application.properties"), LOOP + ".import-file=" + records + "\n");
    }

    private static void writeTexts(Path target) throws IOException {
        try (Reader in = Files.newBufferedReader(BANKING); BufferedWriter out = Files.newBufferedWriter(target)) {
            CsvParser csv = new CsvParser(in, BANKING.toString(), 1 << 16);
            csv.next();
            out.write("id,text\n");
            int n = 0;
            for (CsvParser.CsvRecord row = csv.next(); row != null && n < TEXTS; row = csv.next()) {
                if (!row.blank()) {
                    out.write("b" + n++ + ",\"" + row.fields().get(0).replace("\"", "\"\"") + "\"\n");
                }
            }
        }
    }

    private void start() throws IOException, InterruptedException {
        app.start();
        app.awaitReady(LONG_WAIT.toSeconds());
    }

    /** The loop's current task once it matches, polled over REST while the process lives. */
    private JsonNode awaitLoop(Predicate<JsonNode> progress) throws InterruptedException {
        long deadline = System.nanoTime() + LONG_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application runs (log: " + app.log() + ")").isTrue();
            JsonNode loop = loop();
            if (loop != null && progress.test(loop.path("progress"))) {
                return loop.path("progress");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the loop's task did not get there within " + LONG_WAIT + "; log: " + app.log());
    }

    private String progressText() {
        return browser.text(By.id("progress-" + LOOP));
    }

    private JsonNode loop() {
        return get("/api/loops/" + LOOP);
    }

    /** The admin's JSON answer, or null while nothing answers. */
    private JsonNode get(String path) {
        try {
            return admin.json("GET", path, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
