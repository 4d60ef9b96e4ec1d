package io.labelloop.model.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One labelled text, for training or evaluation.
 *
 * @param id a stable identifier of the record (its hash goes into the model's provenance)
 * @param text the text; empty or whitespace-only texts are allowed and seen as an empty sentence
 * @param label the gold label; must be one of the label set it is used with
 */
public record Example(String id, String text, String label) {

    /** Checks that id, text and label are present. */
    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, () -> "text of example '" + id + "'");
        Objects.requireNonNull(label, () -> "label of example '" + id + "'");
    }

    /**
     * The digest of a set of examples' ids: SHA-256, hex, of the sorted ids each followed by a newline. The same
     * records give the same digest whatever order they come in; a version's provenance
     * ({@code trainingIdsHash}) and the loop's registry use this one.
     *
     * @param examples the examples
     * @return 64 hex digits
     */
    public static String idsHash(Collection<Example> examples) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            examples.stream().map(Example::id).sorted().forEach(id -> {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
