package io.labelloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bench command's argument handling; each suite has its own test in io.labelloop.bench. */
class BenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return new BenchCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void isRegisteredAsASubcommandAndTheModelSuiteAsASuite() {
        assertThat(Launcher.all()).extracting(Subcommand::name).contains("bench");
        assertThat(BenchCommand.suites()).extracting(BenchSuite::name).contains("model");
    }

    @Test
    void helpListsTheSuitesAndTheirOptions() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--suite model", "--data FILE.csv", "--text-column");
    }

    @Test
    void anUnknownSuiteExitsWithTwoAndSaysWhy() throws Exception {
        assertThat(run("--suite", "nosuch")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown suite 'nosuch'", "--suite model");
    }

    @Test
    void theModelSuiteWithoutDataExitsWithTwoNamingTheOption() throws Exception {
        assertThat(run("--suite", "model")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--data is required");
    }

    @Test
    void anOptionWithoutAValueIsRejected() throws Exception {
        assertThat(run("--suite")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--suite needs a value");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySuiteIsWrittenAsOneObjectUnderItsNameWithTheTimeAndItsConditions() {
        Map<String, Object> figures = Map.of("label_p99_ms", 45.6, "conditions", Map.of("records", 20_000, "cores", 2));

        Map<String, Object> document = BenchCommand.document("store", figures, Instant.parse("2026-12-07T15:00:00Z"));

        assertThat(document).containsOnlyKeys("store");
        assertThat((Map<String, Object>) document.get("store")).containsEntry("measured_at", "2026-12-07T15:00:00Z")
                .containsEntry("label_p99_ms", 45.6).containsKey("conditions");
    }
}
