package io.labelloop.dataset;

import java.util.regex.Pattern;

/**
 * What a record's id and text may be, checked at every entry (REST log, CLI import, upload page) so that a stored
 * record can always be read, labeled and exported again: an id is 1 to {@code maxIdLength} of the characters
 * {@value #ID_CHARACTERS} (a {@code /} or a space would break the record's REST address), a text is not blank and
 * at most {@code maxTextChars} characters.
 */
final class RecordRules {

    /** The characters an id may hold, as a regular expression class, for messages and the pattern. */
    static final String ID_CHARACTERS = "A-Z a-z 0-9 . _ - : @";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]+");

    private final int maxIdLength;
    private final int maxTextChars;

    RecordRules(int maxIdLength, int maxTextChars) {
        this.maxIdLength = maxIdLength;
        this.maxTextChars = maxTextChars;
    }

    static RecordRules of(DatasetProperties properties) {
        return new RecordRules(properties.maxIdLength(), properties.maxTextChars());
    }

    /** Why this id is refused (naming the field), or null when it is fine. */
    String idProblem(String field, String id) {
        if (id == null || id.isEmpty()) {
            return "empty id in '" + field + "'";
        }
        if (id.length() > maxIdLength) {
            return "id in '" + field + "' is " + id.length() + " characters, longer than " + maxIdLength;
        }
        if (!ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            return "id '" + abbreviated(id) + "' in '" + field + "' may hold only " + ID_CHARACTERS;
        }
        return null;
    }

    /** Why this text is refused (naming the field), or null when it is fine. */
    String textProblem(String field, String text) {
        if (text == null || text.isBlank()) {
            return "empty text in '" + field + "'";
        }
        if (text.length() > maxTextChars) {
            return "text in '" + field + "' is " + text.length() + " characters, longer than " + maxTextChars;
        }
        return null;
    }

    private static String abbreviated(String id) {
        return id.length() <= 40 ? id : id.substring(0, 40) + "...";
    }
}
