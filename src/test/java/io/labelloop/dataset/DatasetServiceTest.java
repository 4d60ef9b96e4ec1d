package io.labelloop.dataset;

import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.StoreFixture;

class DatasetServiceTest extends DatasetServiceContract {

    @Override
    protected OpenSearchStore store() {
        return StoreFixture.store();
    }
}
