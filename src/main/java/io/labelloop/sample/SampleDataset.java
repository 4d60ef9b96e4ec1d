package io.labelloop.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.labelloop.dataset.Dataset;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.ImportFormat;
import io.labelloop.dataset.ImportOptions;
import io.labelloop.dataset.ImportReport;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.loop.LoopCatalog;
import io.labelloop.loop.LoopConfig;
import io.labelloop.model.LabelDescription;
import io.labelloop.model.LabelSetFile;

/**
 * Imports the offline sample into the example loop's dataset on first start, so that a fresh
 * {@code ./labelloop serve} has something to label. Runs once every bean exists and before the Camel
 * routes start, so the loop's first scoring already sees the records. When the loop names a held-out dataset
 * ({@code properties.eval-dataset}), the labeled sample eval set goes there, so that the zero-shot model is measured
 * on a few hundred records from the first start on. A dataset that holds records is left alone.
 */
@Component
@EnableConfigurationProperties(SampleProperties.class)
class SampleDataset implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(SampleDataset.class);

    private final SampleProperties properties;
    private final LoopCatalog loops;
    private final DatasetService datasets;

    SampleDataset(SampleProperties properties, LoopCatalog loops, DatasetService datasets) {
        this.properties = properties;
        this.loops = loops;
        this.datasets = datasets;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (loops.all().stream().noneMatch(l -> l.name().equals(properties.loop()))) {
            LOG.info("Sample dataset not imported: no loop '{}' in {} (labelloop.sample.loop)", properties.loop(),
                    loops.properties().resolvedConfigDir());
            return;
        }
        LoopConfig loop = loops.get(properties.loop());
        String evalDataset = loop.evalDataset();
        try {
            // With a held-out dataset of its own the loop never evaluates on its eval split: every sample record can
            // be labeled for training.
            if (properties.enabled()) {
                importOnce(loop, loop.dataset(), evalDataset == null ? Dataset.DEFAULT_EVAL_FRACTION : 0.0,
                        SampleProperties.RESOURCE, sampleOptions());
            }
            // The held-out set belongs to the shipped loop, not to the demo records: without it the loop cannot start.
            if (evalDataset != null) {
                importOnce(loop, evalDataset, 0.0, SampleProperties.EVAL_RESOURCE,
                        sampleOptions().withLabel(SampleProperties.EVAL_LABEL_COLUMN).withStrict(true));
            }
        } catch (RuntimeException e) {
            // The product still starts without its sample; the next start tries again.
            LOG.error("Sample dataset not imported into '{}': {}", loop.dataset(), e.getMessage(), e);
        }
    }

    private void importOnce(LoopConfig loop, String dataset, double evalFraction, String resource,
                            ImportOptions options) {
        if (datasets.find(dataset).isEmpty()) {
            datasets.create(dataset, labels(loop), evalFraction);
        }
        if (datasets.count(dataset, RecordQuery.all()) == 0) {
            importInto(loop, dataset, resource, options);
        }
    }

    private static ImportOptions sampleOptions() {
        return ImportOptions.of(ImportFormat.CSV).withId("id").withMetadata(SampleProperties.METADATA);
    }

    private List<String> labels(LoopConfig loop) {
        return LabelSetFile.read(loops.properties().resolve(loop.labelSet())).stream()
                .map(LabelDescription::label).toList();
    }

    private void importInto(LoopConfig loop, String dataset, String resource, ImportOptions options) {
        Path file = extract(resource);
        try {
            ImportReport report = datasets.importFile(dataset, file, options);
            datasets.refresh(dataset);
            LOG.info("Imported the sample {} into '{}' (loop {}): {}", resource, dataset, loop.name(), report);
        } finally {
            file.toFile().delete();
        }
    }

    /** The import reads files; the sample lives in the jar. */
    private static Path extract(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Path file = Files.createTempFile("labelloop-sample", ".csv");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading classpath:" + resource, e);
        }
    }
}
