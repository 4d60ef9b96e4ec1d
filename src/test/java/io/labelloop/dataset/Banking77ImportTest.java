package io.labelloop.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.labelloop.store.StoreFixture;

/** banking77 as users get it: the public CSV served over HTTP (here from the shared copy). */
class Banking77ImportTest {

    private static Path banking77;

    @BeforeAll
    static void findSharedCopy() {
        String datasets = System.getProperty("labelloop.datasets", "../shared/datasets");
        banking77 = Path.of(datasets, "banking77");
        assumeTrue(Files.isRegularFile(banking77.resolve("train.csv")),
                "banking77 not found under " + banking77.toAbsolutePath() + " (system property labelloop.datasets): skipped");
    }

    @Test
    void theKnownBanking77DownloadImportsEveryDistinctTextWithItsIntent() throws IOException {
        byte[] csv = Files.readAllBytes(banking77.resolve("train.csv"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/train.csv", exchange -> {
            exchange.sendResponseHeaders(200, csv.length);
            exchange.getResponseBody().write(csv);
            exchange.close();
        });
        server.start();
        try {
            DatasetService datasets = new DatasetService(StoreFixture.store(), DatasetProperties.defaults()
                    .withKnown("banking77", "http://127.0.0.1:" + server.getAddress().getPort() + "/train.csv"));
            String name = StoreFixture.uniqueName("b77");
            datasets.create(name, List.of("NEGATIVE", "NEUTRAL", "POSITIVE"));

            ImportReport report = datasets.importKnown(name, "banking77");

            assertThat(report.rowsRead()).isEqualTo(10_003);
            assertThat(report.created() + report.rejectedCount()).isEqualTo(report.rowsRead());
            assertThat(report.rejected()).allSatisfy(r -> assertThat(r.reason()).startsWith("same text as line"));
            datasets.refresh(name);
            assertThat(datasets.count(name, RecordQuery.all())).isEqualTo(report.created());
            assertThat(datasets.count(name, RecordQuery.all().withMetadata("category", "card_arrival"))).isPositive();
            assertThat(datasets.stats(name, RecordQuery.all()).statuses()).containsEntry(RecordStatus.DEFAULT, report.created());
            double eval = datasets.count(name, RecordQuery.all().withSplit(Split.EVAL)) / (double) report.created();
            assertThat(eval).isBetween(0.17, 0.23);
        } finally {
            server.stop(0);
        }
    }
}
