package io.labelloop.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Installs the index templates ({@code records}, {@code queue}, {@code datasets}, {@code models},
 * {@code evaluations}, {@code stopping}) so every index gets explicit mappings. A template file in the configured
 * directory wins over the one packaged in the jar, so users can tune settings (shards, replicas, analyzers) without a
 * rebuild.
 */
final class IndexTemplates {

    static final List<String> NAMES = List.of("records", "queue", "datasets", "models", "evaluations", "stopping");
    /** Where the build copies config/opensearch inside the jar. */
    static final String CLASSPATH_DIR = "labelloop/opensearch/";
    private static final String PREFIX_PLACEHOLDER = "${prefix}";

    private final OpenSearchStore store;
    private final Path directory;

    IndexTemplates(OpenSearchStore store, Path directory) {
        this.store = store;
        this.directory = directory;
    }

    void install() {
        for (String name : NAMES) {
            String source = read(name);
            put(name, source.replace(PREFIX_PLACEHOLDER, store.indexPrefix()));
        }
    }

    private String read(String name) {
        Path file = directory.resolve(name + ".json");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(CLASSPATH_DIR + name + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("Index template " + name + ".json is neither in " + file.toAbsolutePath()
                            + " (setting labelloop.opensearch.templates-dir) nor in the application jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading index template " + file + ": " + e.getMessage(), e);
        }
    }

    private void put(String name, String json) {
        String endpoint = "/_index_template/" + store.indexPrefix() + name;
        try (Response response = store.client().generic().execute(Requests.create("PUT", endpoint, List.of(),
                Map.of(), Body.from(json.getBytes(StandardCharsets.UTF_8), "application/json")))) {
            if (response.getStatus() >= 300) {
                String body = response.getBody().map(Body::bodyAsString).orElse("");
                throw new IllegalStateException("Index template " + name + ".json was refused by OpenSearch (HTTP "
                        + response.getStatus() + "): " + body);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Installing index template " + name + " at " + store.httpUri()
                    + ": " + e.getMessage(), e);
        }
    }
}
