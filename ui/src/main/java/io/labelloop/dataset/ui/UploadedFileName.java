package io.labelloop.dataset.ui;

import io.labelloop.dataset.ImportFormat;

/** The name an uploaded file is stored and reported under: the browser's name, reduced to one safe path segment. */
final class UploadedFileName {

    private UploadedFileName() {
    }

    /**
     * The last segment of the sent name with anything but letters, digits, '.', '_' and '-' replaced by '_'; a name
     * that is empty or starts with a dot ('.', '..', hidden files) becomes {@code upload.csv} or {@code upload.jsonl}.
     */
    static String safe(String sent) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            return ImportFormat.fromFileName(name) == ImportFormat.JSONL ? "upload.jsonl" : "upload.csv";
        }
        return name;
    }
}
