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
 * routes start, so the loop's first scoring already sees the records. A dataset that exists is left alone.
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
        if (!properties.enabled()) {
            return;
        }
        if (loops.all().stream().noneMatch(l -> l.name().equals(properties.loop()))) {
            LOG.info("Sample dataset not imported: no loop '{}' in {} (labelloop.sample.loop)", properties.loop(),
                    loops.properties().resolvedConfigDir());
            return;
        }
        LoopConfig loop = loops.get(properties.loop());
        try {
            if (datasets.find(loop.dataset()).isEmpty()) {
                datasets.create(loop.dataset(), labels(loop));
            }
            if (datasets.count(loop.dataset(), RecordQuery.all()) == 0) {
                importInto(loop);
            }
        } catch (RuntimeException e) {
            // The product still starts without its sample; the next start tries again.
            LOG.error("Sample dataset not imported into '{}': {}", loop.dataset(), e.getMessage(), e);
        }
    }

    private List<String> labels(LoopConfig loop) {
        return LabelSetFile.read(loops.properties().resolve(loop.labelSet())).stream()
                .map(LabelDescription::label).toList();
    }

    private void importInto(LoopConfig loop) {
        Path file = extract();
        try {
            ImportReport report = datasets.importFile(loop.dataset(), file, ImportOptions.of(ImportFormat.CSV)
                    .withId("id").withMetadata(SampleProperties.METADATA));
            datasets.refresh(loop.dataset());
            LOG.info("Imported the sample dataset into '{}' (loop {}): {}", loop.dataset(), loop.name(), report);
        } finally {
            file.toFile().delete();
        }
    }

    /** The import reads files; the sample lives in the jar. */
    private static Path extract() {
        try (InputStream in = new ClassPathResource(SampleProperties.RESOURCE).getInputStream()) {
            Path file = Files.createTempFile("labelloop-sample", ".csv");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading classpath:" + SampleProperties.RESOURCE, e);
        }
    }
}
