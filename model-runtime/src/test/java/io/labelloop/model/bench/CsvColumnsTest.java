package io.labelloop.model.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvColumnsTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsWithCommasQuotesAndNewlines() throws Exception {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "text,label\n\"a, b\",X\n\"say \"\"hi\"\"\",Y\n\"two\nlines\",Z\n");
        CsvColumns csv = CsvColumns.read(file);
        assertThat(csv.column("text")).containsExactly("a, b", "say \"hi\"", "two\nlines");
        assertThat(csv.column("label")).containsExactly("X", "Y", "Z");
        assertThat(csv.has("label")).isTrue();
    }

    @Test
    void invalidUtf8BytesBecomeReplacementCharacters() throws Exception {
        Path file = dir.resolve("d.csv");
        byte[] head = "text\nok ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte without its continuation
        bytes[head.length + 1] = '\n';
        Files.write(file, bytes);
        assertThat(CsvColumns.read(file).column("text")).containsExactly("ok \uFFFD");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsNamesItsLine() throws Exception {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "text,label\na,X\nb\n");
        assertThatThrownBy(() -> CsvColumns.read(file)).isInstanceOf(IOException.class).hasMessageContaining("line 3");
    }

    @Test
    void anUnknownColumnListsTheHeader() throws Exception {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "text,label\na,X\n");
        assertThatThrownBy(() -> CsvColumns.read(file).column("body")).hasMessageContaining("[text, label]");
    }
}
