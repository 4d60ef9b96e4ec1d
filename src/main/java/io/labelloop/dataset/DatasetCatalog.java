package io.labelloop.dataset;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.search.Hit;

import io.labelloop.store.OpenSearchErrors;
import io.labelloop.store.OpenSearchStore;

/** The {@code labelloop-datasets} index: one document per dataset, and the names of its indices. */
final class DatasetCatalog {

    /** Index names are lower case; keep dataset names usable in URLs and index names alike. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final OpenSearchStore store;
    private final OpenSearchClient client;
    private final String index;
    private final Map<String, Dataset> cache = new ConcurrentHashMap<>();

    DatasetCatalog(OpenSearchStore store) {
        this.store = store;
        this.client = store.client();
        this.index = store.index("datasets");
        store.ensureIndex(index);
    }

    OpenSearchStore store() {
        return store;
    }

    String recordsIndex(Dataset dataset) {
        return store.index("records", dataset.name());
    }

    String queueIndex(String dataset) {
        return store.index("queue", dataset);
    }

    Dataset create(String name, List<String> labels, double evalFraction) {
        Dataset dataset = new Dataset(checkName(name), checkLabels(name, labels), checkFraction(evalFraction), Instant.now());
        try {
            client.create(c -> c.index(index).id(name).document(dataset).refresh(Refresh.True));
        } catch (IOException | RuntimeException e) {
            if (OpenSearchErrors.isConflict(e)) {
                throw new IllegalArgumentException("Dataset '" + name + "' already exists", e);
            }
            throw store.unavailable("creating dataset " + name, e);
        }
        store.ensureIndex(recordsIndex(dataset));
        cache.put(name, dataset);
        return dataset;
    }

    List<Dataset> list() {
        try {
            return client.search(s -> s.index(index).size(10_000)
                    .sort(o -> o.field(f -> f.field("name").order(SortOrder.Asc))), Dataset.class)
                    .hits().hits().stream().map(Hit::source).toList();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("listing datasets", e);
        }
    }

    Optional<Dataset> find(String name) {
        Dataset cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            GetResponse<Dataset> got = client.get(g -> g.index(index).id(name), Dataset.class);
            if (got.found()) {
                cache.put(name, got.source());
                return Optional.of(got.source());
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("reading dataset " + name, e);
        }
    }

    Dataset require(String name) {
        return find(name).orElseThrow(() -> new DatasetNotFoundException(name));
    }

    boolean delete(String name) {
        Optional<Dataset> dataset = find(name);
        cache.remove(name);
        if (dataset.isEmpty()) {
            return false;
        }
        try {
            String records = recordsIndex(dataset.get());
            String queue = queueIndex(name);
            client.indices().delete(d -> d.index(records, queue).ignoreUnavailable(true));
            client.delete(d -> d.index(index).id(name).refresh(Refresh.True));
            return true;
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("deleting dataset " + name, e);
        }
    }

    /** Forgets cached dataset documents (another process may have deleted or recreated one). */
    void forget(String name) {
        cache.remove(name);
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Dataset name '" + name
                    + "' must be 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    private static List<String> checkLabels(String name, List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("Dataset '" + name + "' needs at least one label");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String label : labels) {
            if (label == null || label.isBlank() || !unique.add(label.trim())) {
                throw new IllegalArgumentException("Dataset '" + name + "': label '" + label + "' is blank or repeated");
            }
        }
        return List.copyOf(unique);
    }

    private static double checkFraction(double evalFraction) {
        if (!(evalFraction >= 0 && evalFraction < 1)) {
            throw new IllegalArgumentException("Eval fraction " + evalFraction + " must be in [0, 1)");
        }
        return evalFraction;
    }
}
