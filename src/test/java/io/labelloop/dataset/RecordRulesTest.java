package io.labelloop.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelloop.store.StoreFixture;

/** The id and text rules hold at every entry: an import skips and reports a bad row, a log refuses the request. */
class RecordRulesTest {

    private static final List<String> LABELS = List.of("negative", "positive");

    @TempDir
    Path dir;

    private static DatasetService service(DatasetProperties properties) {
        return new DatasetService(StoreFixture.store(), properties);
    }

    @Test
    void anIdWithASlashAnEmptyTextAndAnOverlongTextAreReportedByLineAndColumn() throws IOException {
        DatasetService datasets = service(DatasetProperties.defaults());
        String name = StoreFixture.uniqueName("rules");
        datasets.create(name, LABELS);
        Path file = Files.writeString(dir.resolve("rows.csv"), "id,text\nok-1,fine\na/b,slash\nok-2,\" \"\nok-3,"
                + "x".repeat(DatasetProperties.DEFAULT_MAX_TEXT_CHARS + 1) + "\nok-4,also fine\n");

        ImportReport report = datasets.importFile(name, file, ImportOptions.of(ImportFormat.CSV).withId("id"));

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(3L, 4L, 5L);
        assertThat(report.rejected().get(0).reason()).contains("'a/b'", "'id'", "may hold only");
        assertThat(report.rejected().get(1).reason()).contains("empty text in 'text'");
        assertThat(report.rejected().get(2).reason()).contains("'text'", "65537 characters", "longer than 65536");
    }

    @Test
    void theLimitsAreSettingsAndALogOverThemIsRefusedWithNothingWritten() {
        DatasetService datasets = service(DatasetProperties.defaults().withLimits(8, 20));
        String name = StoreFixture.uniqueName("rules");
        datasets.create(name, LABELS);

        assertThatThrownBy(() -> datasets.log(name, List.of(TextRecord.of("short", "fits", Map.of()),
                TextRecord.of("much-too-long-id", "fits", Map.of()), TextRecord.of("ok", "a text over twenty chars", Map.of()))))
                .isInstanceOfSatisfying(InvalidRecordsException.class, e -> {
                    assertThat(e.rejected()).extracting(InvalidRecordsException.Rejected::path)
                            .containsExactly("records[1].id", "records[2].text");
                    assertThat(e.getMessage()).contains("longer than 8", "longer than 20");
                });
        datasets.refresh(name);
        assertThat(datasets.record(name, "short")).isEmpty();
    }

    @Test
    void aCursorThatIsNotANextValueIsRefused() {
        DatasetService datasets = service(DatasetProperties.defaults());
        String name = StoreFixture.uniqueName("rules");
        datasets.create(name, LABELS);

        for (String bad : List.of("garbage", "e30", "WzFd!!", "%%")) {
            assertThatThrownBy(() -> datasets.search(name, RecordQuery.all(), 10, bad))
                    .as(bad).isInstanceOf(InvalidCursorException.class);
        }
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasStartWithAQuote() {
        assertThat(RecordExporter.csv("=1+2")).isEqualTo("'=1+2");
        assertThat(RecordExporter.csv("+33 1")).isEqualTo("'+33 1");
        assertThat(RecordExporter.csv("-2")).isEqualTo("'-2");
        assertThat(RecordExporter.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(RecordExporter.csv("\tx")).isEqualTo("'\tx");
        assertThat(RecordExporter.csv("\rx")).isEqualTo("\"'\rx\"");
        assertThat(RecordExporter.csv("=HYPERLINK(\"a\",\"b\")")).isEqualTo("\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"");
        assertThat(RecordExporter.csv("a = b")).isEqualTo("a = b");
    }
}
