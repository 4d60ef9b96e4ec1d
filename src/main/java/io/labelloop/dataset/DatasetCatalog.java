package io.labelloop.dataset;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.labelloop.store.Documents;
import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.Search;
import io.labelloop.store.Sort;
import io.labelloop.store.Stored;
import io.labelloop.store.StoreConflictException;
import io.labelloop.store.Visibility;

/** The {@code labelloop-datasets} index: one document per dataset, and the names of its indices. */
final class DatasetCatalog {

    /** Index names are lower case; keep dataset names usable in URLs and index names alike. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final int MAX_DATASETS = 10_000;

    private final OpenSearchStore store;
    private final Documents documents;
    private final String index;
    private final Map<String, Dataset> cache = new ConcurrentHashMap<>();

    DatasetCatalog(OpenSearchStore store) {
        this.store = store;
        this.documents = store.documents();
        this.index = store.index("datasets");
        store.ensureIndex(index);
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
            documents.create(index, name, dataset, Visibility.IMMEDIATE);
        } catch (StoreConflictException e) {
            throw new IllegalArgumentException("Dataset '" + name + "' already exists", e);
        }
        store.ensureIndex(recordsIndex(dataset));
        cache.put(name, dataset);
        return dataset;
    }

    List<Dataset> list() {
        return documents.search(Search.in(index).size(MAX_DATASETS).sort(Sort.asc("name")), Dataset.class).sources();
    }

    Optional<Dataset> find(String name) {
        Dataset cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Dataset> found = documents.get(index, name, Dataset.class).map(Stored::source);
        found.ifPresent(d -> cache.put(name, d));
        return found;
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
        store.deleteIndices(List.of(recordsIndex(dataset.get()), queueIndex(name)));
        documents.delete(index, name, Visibility.IMMEDIATE);
        return true;
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
