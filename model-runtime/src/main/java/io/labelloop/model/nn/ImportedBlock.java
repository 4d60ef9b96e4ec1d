package io.labelloop.model.nn;

import ai.djl.nn.AbstractBlock;

/**
 * A block whose parameters are always created from imported arrays: DJL's lazy initialisation (which
 * training-mode forward triggers when input shapes were never recorded) has nothing to do.
 */
abstract class ImportedBlock extends AbstractBlock {

    @Override
    public boolean isInitialized() {
        return true;
    }
}
