package io.labelloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelloop.store.StoreFixture;

/** The commands start their own small Spring context; here it is pointed at the shared test node. */
class ImportExportCommandTest {

    private static final String URIS = "labelloop.opensearch.uris";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void useSharedNode() {
        System.setProperty(URIS, StoreFixture.store().httpUri().toString());
    }

    @AfterAll
    static void forgetSharedNode() {
        System.clearProperty(URIS);
    }

    private int run(Subcommand command, String... args) throws Exception {
        out.reset();
        err.reset();
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importCreatesTheDatasetReportsRejectsAndExportWritesHuggingFaceLines() throws Exception {
        String dataset = StoreFixture.uniqueName("cli");
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "id,text,label\n1,card lost,negative\n2,thanks!,positive\n3,where is it,\n4,meh,angry\n");

        assertThat(run(new ImportCommand(), "--dataset", dataset, "--labels", "negative,neutral,positive",
                "--id-column", "id", "--label-column", "label", csv.toString())).isZero();
        assertThat(out()).contains("3 new records (2 labeled)").contains("1 rejected");
        assertThat(err()).contains("in.csv:5: label 'angry' is not in the label set");

        assertThat(run(new ImportCommand(), "--dataset", dataset, "--id-column", "id", "--label-column", "label",
                csv.toString())).isZero();
        assertThat(out()).contains("0 new records").contains("3 already there");

        Path hf = dir.resolve("out/train.jsonl");
        assertThat(run(new ExportCommand(), "--dataset", dataset, "--format", "hf", "--out", hf.toString())).isZero();
        assertThat(Files.readAllLines(hf)).hasSize(2).anySatisfy(l -> assertThat(l).contains("\"label\":\"positive\""));
        assertThat(err()).contains("wrote 2 labeled records");
    }

    @Test
    void badInputExitsNonZeroWithAMessageNamingTheProblem() throws Exception {
        String dataset = StoreFixture.uniqueName("cli");
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "text\n\"open quote\n");

        assertThat(run(new ImportCommand(), "--dataset", dataset, broken.toString())).isEqualTo(1);
        assertThat(err()).contains("Unknown dataset '" + dataset + "'");

        assertThat(run(new ImportCommand(), "--dataset", dataset, "--labels", "a,b", broken.toString())).isEqualTo(1);
        assertThat(err()).contains("broken.csv:2: unbalanced quote");
        assertThat(run(new ImportCommand(), "--dataset", dataset, dir.resolve("missing.csv").toString())).isEqualTo(1);
        assertThat(err()).as("the failed import removed the dataset it created").contains("Unknown dataset '" + dataset + "'");
        assertThat(run(new ImportCommand(), "--dataset", dataset, "--labels", "a,b", dir.resolve("missing.csv").toString()))
                .isEqualTo(1);
        assertThat(err()).contains("missing.csv: no such readable file");
        assertThat(run(new ImportCommand(), "--dataset", dataset, broken.toString())).isEqualTo(1);
        assertThat(err()).contains("Unknown dataset '" + dataset + "'");

        assertThat(run(new ImportCommand(), "--dataset", dataset)).isEqualTo(2);
        assertThat(err()).contains("give exactly one FILE, or --known NAME");
        assertThat(run(new ExportCommand(), "--dataset", dataset, "--format", "xml")).isEqualTo(2);
        assertThat(err()).contains("--format must be csv, jsonl or hf");
    }

    @Test
    void anExternalClusterThatIsDownIsReportedWithTheSetting() throws Exception {
        System.setProperty(URIS, "http://127.0.0.1:1");
        try {
            Path csv = dir.resolve("in.csv");
            Files.writeString(csv, "text\nhello\n");
            assertThat(run(new ImportCommand(), "--dataset", "x", "--labels", "a", csv.toString())).isEqualTo(1);
            assertThat(err()).contains("http://127.0.0.1:1").contains("labelloop.opensearch.uris");
        } finally {
            System.setProperty(URIS, StoreFixture.store().httpUri().toString());
        }
    }
}
