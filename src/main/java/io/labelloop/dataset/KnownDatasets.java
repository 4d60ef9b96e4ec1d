package io.labelloop.dataset;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Public datasets that can be imported by name, downloaded over HTTP at import time (never shipped). The URLs come
 * from {@code labelloop.dataset.known.<name>}, so a mirror can replace the public address.
 */
final class KnownDatasets {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);
    /** How each known file is read; a name added by configuration only gets a {@code text} column. */
    private static final Map<String, ImportOptions> OPTIONS = Map.of(
            "banking77", ImportOptions.of(ImportFormat.CSV).withMetadata(List.of("category")));

    private final DatasetProperties properties;
    private final RecordImporter importer;

    KnownDatasets(DatasetProperties properties, RecordImporter importer) {
        this.properties = properties;
        this.importer = importer;
    }

    List<String> names() {
        return properties.known().keySet().stream().sorted().toList();
    }

    ImportReport importKnown(Dataset dataset, String name) {
        String url = properties.known().get(name);
        if (url == null) {
            throw new IllegalArgumentException("No known dataset '" + name + "': known are " + names()
                    + " (add others with labelloop.dataset.known." + name + "=<CSV URL>)");
        }
        Path file = download(name, url);
        try {
            ImportOptions options = OPTIONS.getOrDefault(name, ImportOptions.of(ImportFormat.fromFileName(url)));
            return importer.importFile(dataset, file, url, options);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static Path download(String name, String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Path file = null;
        try {
            file = Files.createTempFile("labelloop-" + name + "-", ".download");
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(DOWNLOAD_TIMEOUT).GET().build();
            HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) {
                throw new ImportException(url, 0, "download of '" + name + "' answered HTTP " + response.statusCode()
                        + " (setting labelloop.dataset.known." + name + ")");
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new ImportException(url, "cannot download '" + name + "' (offline, or blocked by a proxy?). Download it "
                    + "elsewhere and run ./labelloop import FILE, or point labelloop.dataset.known." + name
                    + " at a mirror. Cause: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(file);
            throw new ImportException(url, "download of '" + name + "' interrupted", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
