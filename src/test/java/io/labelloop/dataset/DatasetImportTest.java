package io.labelloop.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.labelloop.store.StoreFixture;

class DatasetImportTest {

    private static final List<String> LABELS = List.of("negative", "neutral", "positive");
    private static DatasetService datasets;

    @TempDir
    Path dir;

    @BeforeAll
    static void startStore() {
        datasets = new DatasetService(StoreFixture.store(), DatasetProperties.defaults());
    }

    private static String newDataset() {
        String name = StoreFixture.uniqueName("imp");
        datasets.create(name, LABELS);
        return name;
    }

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static ImportOptions csv() {
        return ImportOptions.of(ImportFormat.CSV).withId("id").withLabel("label").withMetadata(List.of("intent"));
    }

    private static final String GOOD_CSV = """
            id,text,label,intent
            a1,"My card, the new one, was lost",negative,lost_card
            a2,"It said ""arrived""
            and it did",positive,card_arrival
            a3,How do I top up?,,top_up
            """;

    @Test
    void csvRowsWithALabelAreValidatedAndQuotedFieldsMaySpanLines() throws IOException {
        String name = newDataset();
        ImportReport report = datasets.importFile(name, file("good.csv", GOOD_CSV), csv());

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.labeled()).isEqualTo(2);
        assertThat(report.rejected()).isEmpty();
        TextRecord a2 = datasets.record(name, "a2").orElseThrow();
        assertThat(a2.text()).isEqualTo("It said \"arrived\"\nand it did");
        assertThat(a2.status()).isEqualTo(RecordStatus.VALIDATED);
        assertThat(a2.metadata()).containsEntry("intent", "card_arrival");
        assertThat(datasets.record(name, "a3").orElseThrow().status()).isEqualTo(RecordStatus.DEFAULT);
    }

    @Test
    void reimportingTheSameFileChangesNothingAndKeepsLabelsGivenSince() throws IOException {
        String name = newDataset();
        Path file = file("good.csv", GOOD_CSV);
        datasets.importFile(name, file, csv());
        TextRecord a3 = datasets.record(name, "a3").orElseThrow();
        datasets.annotate(name, "a3", a3.revision(), "neutral", "ann");

        ImportReport again = datasets.importFile(name, file, csv());

        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        datasets.refresh(name);
        assertThat(datasets.count(name, RecordQuery.all())).isEqualTo(3);
        assertThat(datasets.record(name, "a3").orElseThrow().label()).isEqualTo("neutral");
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheRestImported() throws IOException {
        String name = newDataset();
        Path file = file("rows.csv", """
                id,text,label,intent
                b1,fine,positive,x
                b2,wrong label,angry,x
                b1,same id again,,x
                b3,,,x
                b4,too,many,columns,here
                b5,also fine,,x
                """);

        ImportReport report = datasets.importFile(name, file, csv());

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(report.rejected().get(0).reason()).contains("'angry'").contains("label set");
        assertThat(report.rejected().get(1).reason()).contains("duplicate id 'b1'").contains("line 2");
        assertThat(report.rejected().get(2).reason()).contains("empty text");
        assertThat(report.rejected().get(3).reason()).contains("expected 4 columns");
        assertThat(report.rejected().get(0).toString()).startsWith(file + ":3: ");
    }

    @Test
    void unreadableFilesAreRefusedNamingFileAndLineAndNothingChanges() throws IOException {
        String name = newDataset();
        datasets.importFile(name, file("good.csv", GOOD_CSV), csv());
        datasets.refresh(name);

        assertThatThrownBy(() -> datasets.importFile(name, file("quote.csv", "id,text\nq1,fine\nq2,\"never closed\nq3,x\n"),
                csv().withLabel(null).withMetadata(List.of())))
                .isInstanceOf(ImportException.class).hasMessageContaining("quote.csv:3: unbalanced quote");
        assertThatThrownBy(() -> datasets.importFile(name, file("nocol.csv", "id,body\n1,x\n"), csv()))
                .isInstanceOf(ImportException.class).hasMessageContaining("nocol.csv:1: no column 'text'");
        assertThatThrownBy(() -> datasets.importFile(name, file("empty.csv", ""), csv()))
                .isInstanceOf(ImportException.class).hasMessageContaining("empty.csv:1: empty file");
        assertThatThrownBy(() -> datasets.importFile(name, file("strict.csv", "id,text,label,intent\ns1,ok,,x\ns2,bad,angry,x\n"),
                csv().withStrict(true)))
                .isInstanceOf(ImportException.class).hasMessageContaining("strict.csv:3:").hasMessageContaining("angry");
        assertThatThrownBy(() -> datasets.importFile(name, dir.resolve("missing.csv"), csv()))
                .isInstanceOf(ImportException.class).hasMessageContaining("missing.csv");

        datasets.refresh(name);
        assertThat(datasets.count(name, RecordQuery.all())).isEqualTo(3);
        assertThat(datasets.stats(name, RecordQuery.all()).labels()).containsEntry("negative", 1L).containsEntry("positive", 1L);
    }

    @Test
    void aFailedImportThatCreatedTheDatasetRemovesItAgainAndStillNamesTheFileAndLine() throws IOException {
        String badHeader = StoreFixture.uniqueName("imp-new");
        String badFirstRow = StoreFixture.uniqueName("imp-new");
        String missingFile = StoreFixture.uniqueName("imp-new");
        NewDataset ifMissing = new NewDataset(LABELS, 0.3);

        assertThatThrownBy(() -> datasets.importFile(badHeader, file("nocol.csv", "id,body\n1,x\n"), csv(), ifMissing))
                .isInstanceOf(ImportException.class).hasMessageContaining("nocol.csv:1: no column 'text'");
        assertThatThrownBy(() -> datasets.importFile(badFirstRow, file("onlybad.csv", "id,text,label,intent\nz1,hi,angry,x\n"),
                csv(), ifMissing))
                .isInstanceOf(ImportException.class).hasMessageContaining("onlybad.csv:2:").hasMessageContaining("'angry'");
        assertThatThrownBy(() -> datasets.importFile(missingFile, dir.resolve("missing.csv"), csv(), ifMissing))
                .isInstanceOf(ImportException.class).hasMessageContaining("missing.csv: no such readable file");

        for (String name : List.of(badHeader, badFirstRow, missingFile)) {
            assertThat(datasets.find(name)).as(name).isEmpty();
            assertThat(datasets.list()).extracting(Dataset::name).doesNotContain(name);
            assertThat(indexExists("records", name)).as("records index of " + name).isFalse();
        }
    }

    @Test
    void aFailedImportIntoAnExistingDatasetDeletesNothingEvenWhenItIsEmpty() throws IOException {
        String empty = newDataset();
        String filled = newDataset();
        datasets.importFile(filled, file("good.csv", GOOD_CSV), csv(), new NewDataset(List.of("other"), 0.5));

        assertThatThrownBy(() -> datasets.importFile(empty, file("nocol.csv", "id,body\n1,x\n"), csv(),
                NewDataset.withLabels(LABELS))).isInstanceOf(ImportException.class);
        assertThatThrownBy(() -> datasets.importFile(filled, dir.resolve("missing.csv"), csv(),
                NewDataset.withLabels(LABELS))).isInstanceOf(ImportException.class);

        assertThat(datasets.find(empty)).isPresent();
        assertThat(indexExists("records", empty)).isTrue();
        datasets.refresh(filled);
        assertThat(datasets.require(filled).labels()).isEqualTo(LABELS);
        assertThat(datasets.count(filled, RecordQuery.all())).isEqualTo(3);
    }

    @Test
    void anImportThatCreatesItsDatasetUsesTheGivenLabelsAndKeepsWhatItStoredBeforeALaterFailure() throws IOException {
        String name = StoreFixture.uniqueName("imp-new");
        // The check pass accepts an empty metadata key; OpenSearch refuses that record while storing the first.
        Path file = file("partial.jsonl", """
                {"id": "p1", "text": "stored before the failure", "label": "neutral"}
                {"id": "p2", "text": "refused by the store", "metadata": {"": "x"}}
                """);

        assertThatThrownBy(() -> datasets.importFile(name, file, ImportOptions.of(ImportFormat.JSONL).withId("id")
                .withLabel("label"), new NewDataset(LABELS, 0.0))).hasMessageContaining("refused record 'p2'");

        assertThat(datasets.require(name).labels()).isEqualTo(LABELS);
        assertThat(datasets.require(name).evalFraction()).isZero();
        assertThat(datasets.record(name, "p1").orElseThrow().label()).isEqualTo("neutral");
    }

    private static boolean indexExists(String kind, String dataset) throws IOException {
        String index = StoreFixture.store().index(kind, dataset);
        return StoreFixture.store().client().indices().exists(e -> e.index(index)).value();
    }

    @Test
    void aHundredMegabyteLineIsRejectedWithoutFillingMemory() throws IOException {
        String name = newDataset();
        Path file = dir.resolve("huge.csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("id,text\nh1,short\nh2,");
            char[] chunk = "x".repeat(1 << 20).toCharArray();
            for (int i = 0; i < 100; i++) {
                w.write(chunk);
            }
            w.write("\nh3,after the huge one\n");
        }

        ImportReport report = datasets.importFile(name, file, ImportOptions.of(ImportFormat.CSV).withId("id"));

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).contains("longer than 1000000 characters");
        });
    }

    @Test
    void jsonLinesAreImportedAndInvalidLinesReportedByLine() throws IOException {
        String name = newDataset();
        Path file = file("recs.jsonl", """
                {"id": "j1", "text": "card lost", "label": "negative", "metadata": {"intent": "lost_card"}}
                {"id": "j2", "text": "broken
                {"id": 3, "text": "numeric id"}
                ["not", "an", "object"]
                {"id": "j4", "label": "neutral"}

                {"id": "j5", "text": "fine"}
                """);

        ImportReport report = datasets.importFile(name, file,
                ImportOptions.of(ImportFormat.JSONL).withId("id").withLabel("label"));

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(2L, 4L, 5L);
        assertThat(report.rejected().get(0).reason()).startsWith("invalid JSON");
        assertThat(report.rejected().get(2).reason()).contains("no field 'text'");
        assertThat(datasets.record(name, "j1").orElseThrow().metadata()).containsEntry("intent", "lost_card");
        assertThat(datasets.record(name, "3")).isPresent();
    }

    @Test
    void validatedRecordsExportAsCsvWithAColumnPerMetadataKeyJsonlAndHuggingFaceLayout() throws IOException {
        String name = newDataset();
        datasets.importFile(name, file("good.csv", GOOD_CSV), csv());
        datasets.refresh(name);

        assertThat(export(name, ExportFormat.CSV)).isEqualTo("""
                id,text,label,intent
                a1,"My card, the new one, was lost",negative,lost_card
                a2,"It said ""arrived""
                and it did",positive,card_arrival
                """);
        assertThat(export(name, ExportFormat.HF_JSONL).lines()).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("\"text\":").contains("\"label\":"));
        assertThat(export(name, ExportFormat.JSONL)).contains("\"annotator\":\"import\"").contains("\"intent\":\"lost_card\"");

        String exported = export(name, ExportFormat.CSV);
        String copy = newDataset();
        ImportReport roundTrip = datasets.importFile(copy, file("exported.csv", exported),
                ImportOptions.of(ImportFormat.CSV).withId("id").withLabel("label"));
        assertThat(roundTrip.labeled()).isEqualTo(2);
    }

    private static String export(String name, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        datasets.export(name, RecordQuery.all(), format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void knownDatasetsAreDownloadedOverHttpAndAnOfflineDownloadFailsClearly() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] csv = "text,category\nI lost my card,lost_or_stolen_card\nWhere is my card?,card_arrival\n"
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/banking_data/train.csv", exchange -> {
            exchange.sendResponseHeaders(200, csv.length);
            exchange.getResponseBody().write(csv);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            DatasetService local = new DatasetService(StoreFixture.store(),
                    DatasetProperties.defaults().withKnown("banking77", base + "/banking_data/train.csv"));
            String name = newDataset();

            ImportReport report = local.importKnown(name, "banking77");

            assertThat(report.created()).isEqualTo(2);
            local.refresh(name);
            assertThat(local.count(name, RecordQuery.all().withMetadata("category", "card_arrival"))).isEqualTo(1);

            DatasetService missing = new DatasetService(StoreFixture.store(),
                    DatasetProperties.defaults().withKnown("banking77", base + "/nothing-here.csv"));
            assertThatThrownBy(() -> missing.importKnown(name, "banking77")).isInstanceOf(ImportException.class)
                    .hasMessageContaining("HTTP 404");
        } finally {
            server.stop(0);
        }
        DatasetService offline = new DatasetService(StoreFixture.store(),
                DatasetProperties.defaults().withKnown("banking77", "http://127.0.0.1:1/train.csv"));
        assertThatThrownBy(() -> offline.importKnown(newDataset(), "banking77")).isInstanceOf(ImportException.class)
                .hasMessageContaining("http://127.0.0.1:1/train.csv").hasMessageContaining("cannot download 'banking77'");
        assertThatThrownBy(() -> offline.importKnown(newDataset(), "imdb")).hasMessageContaining("No known dataset 'imdb'");
    }
}
