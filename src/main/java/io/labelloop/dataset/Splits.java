package io.labelloop.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derived, stable per-record values: the split from a hash of the id, and an id from the text. */
final class Splits {

    private Splits() {
    }

    /** EVAL for about {@code evalFraction} of ids, always the same answer for the same id. */
    static Split of(String id, double evalFraction) {
        byte[] hash = sha256(id);
        long bucket = ((hash[0] & 0xffL) << 16 | (hash[1] & 0xffL) << 8 | (hash[2] & 0xffL));
        return bucket < evalFraction * (1 << 24) ? Split.EVAL : Split.TRAIN;
    }

    /** An id for a record whose file has none: identical texts get the same id, so they import once. */
    static String idOfText(String text) {
        return HexFormat.of().formatHex(sha256(text), 0, 10);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
