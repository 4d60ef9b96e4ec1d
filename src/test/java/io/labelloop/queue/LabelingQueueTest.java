package io.labelloop.queue;

import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.StoreFixture;

class LabelingQueueTest extends LabelingQueueContract {

    @Override
    protected OpenSearchStore store() {
        return StoreFixture.store();
    }

    @Override
    protected int labelsPerAnnotator() {
        return 500;
    }
}
