package io.labelloop.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadedFileNameTest {

    @Test
    void aPlainNameIsKept() {
        assertThat(UploadedFileName.safe("new-requests_2026.csv")).isEqualTo("new-requests_2026.csv");
    }

    @Test
    void directoriesAreDroppedWhateverTheSeparator() {
        assertThat(UploadedFileName.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadedFileName.safe("C:\\data\\my file.jsonl")).isEqualTo("my_file.jsonl");
    }

    @Test
    void dotNamesAndEmptyNamesBecomeAnUploadOfTheSameFormat() {
        assertThat(UploadedFileName.safe("..")).isEqualTo("upload.csv");
        assertThat(UploadedFileName.safe(".")).isEqualTo("upload.csv");
        assertThat(UploadedFileName.safe(".hidden.jsonl")).isEqualTo("upload.jsonl");
        assertThat(UploadedFileName.safe(null)).isEqualTo("upload.csv");
    }
}
