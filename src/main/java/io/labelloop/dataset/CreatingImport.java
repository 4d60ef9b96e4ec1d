package io.labelloop.dataset;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.labelloop.store.StoreConflictException;

/**
 * An import into a dataset it may have to create first. A dataset this import created and then left without a
 * record (missing file, unreadable file, every row bad, download failed) is deleted again, catalog entry and indices,
 * so that a failed import leaves nothing behind; the import's own error is thrown unchanged. A created dataset that
 * got records before a later failure (the store went away mid-write) keeps them, as an existing dataset keeps what an
 * interrupted import wrote: the records may already be labeled or queued, and importing the same file again adds the
 * rest, since ids already stored are left as they are. A dataset that existed before is never deleted.
 */
final class CreatingImport {

    private static final Logger LOG = LoggerFactory.getLogger(CreatingImport.class);

    private final DatasetCatalog catalog;
    private final RecordSearch search;

    CreatingImport(DatasetCatalog catalog, RecordSearch search) {
        this.catalog = catalog;
        this.search = search;
    }

    /**
     * Imports of one dataset name run one after the other in this application, so that an import that fails and
     * removes the dataset it created cannot remove it under another import of the same name (that one would write
     * into a deleted index). Applications sharing an external cluster are not covered.
     */
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    ImportReport run(String name, NewDataset ifMissing, Function<Dataset, ImportReport> importing) {
        ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
        lock.lock();
        try {
            return runLocked(name, ifMissing, importing);
        } finally {
            lock.unlock();
        }
    }

    private ImportReport runLocked(String name, NewDataset ifMissing, Function<Dataset, ImportReport> importing) {
        Optional<Dataset> existing = catalog.find(name);
        if (existing.isPresent()) {
            return importing.apply(existing.get());
        }
        Dataset created;
        try {
            created = catalog.create(name, ifMissing.labels(), ifMissing.evalFraction());
        } catch (IllegalArgumentException e) {
            if (!(e.getCause() instanceof StoreConflictException)) {
                throw e; // a bad name or label set
            }
            // Another import created it meanwhile: it is that import's dataset, not ours to remove.
            return importing.apply(catalog.require(name));
        }
        try {
            return importing.apply(created);
        } catch (RuntimeException e) {
            removeIfEmpty(created, e);
            throw e;
        }
    }

    private void removeIfEmpty(Dataset dataset, RuntimeException failure) {
        try {
            search.refresh(dataset);
            long stored = search.count(dataset, RecordQuery.all());
            if (stored == 0) {
                catalog.delete(dataset.name());
                LOG.info("Removed dataset '{}' again: the import that created it stored nothing ({})", dataset.name(),
                        failure.getMessage());
            } else {
                LOG.warn("Dataset '{}', created by an import that then failed, keeps the {} records stored before the"
                        + " failure; importing the file again adds the rest", dataset.name(), stored);
            }
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
            LOG.warn("Could not check or remove dataset '{}' after its import failed: {}", dataset.name(),
                    cleanup.getMessage());
        }
    }
}
