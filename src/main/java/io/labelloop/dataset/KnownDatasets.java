package io.labelloop.dataset;

import java.util.List;

/** Public datasets downloadable by name. */
final class KnownDatasets {

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
        throw new UnsupportedOperationException("known datasets: in progress");
    }
}
