package io.labelloop.store;

import java.util.Map;

/** One write of a bulk request ({@link Documents#bulk}, {@link BulkWriter}). */
public sealed interface BulkOp {

    /** The document's id. */
    String id();

    /** Creates the document; refused as a conflict when the id exists. */
    static BulkOp create(String index, String id, Object document) {
        return new Create(index, id, document);
    }

    /** Merges these fields into an existing document; a missing one is counted as missing. */
    static BulkOp merge(String index, String id, Map<String, Object> fields, int retriesOnConflict) {
        return new Merge(index, id, fields, retriesOnConflict);
    }

    /** Runs the script on the document; with an {@code upsert} a missing document is created from it instead. */
    static BulkOp script(String index, String id, UpdateScript script, Object upsert, int retriesOnConflict) {
        return new ScriptUpdate(index, id, script, upsert, retriesOnConflict);
    }

    /** Deletes the document if it is still at {@code expected}. */
    static BulkOp delete(String index, String id, Version expected) {
        return new Delete(index, id, expected);
    }

    /** See {@link #create}. */
    record Create(String index, String id, Object document) implements BulkOp {
    }

    /** See {@link #merge}. */
    record Merge(String index, String id, Map<String, Object> fields, int retriesOnConflict) implements BulkOp {
    }

    /** See {@link #script}. */
    record ScriptUpdate(String index, String id, UpdateScript script, Object upsert, int retriesOnConflict) implements BulkOp {
    }

    /** See {@link #delete}. */
    record Delete(String index, String id, Version expected) implements BulkOp {
    }
}
