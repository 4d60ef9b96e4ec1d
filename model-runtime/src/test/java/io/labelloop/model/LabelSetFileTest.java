package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labelloop.model.core.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelSetFileTest {

    @TempDir
    Path dir;

    @Test
    void readsTheShippedBankingSentimentLabelSet() {
        Path shipped = Path.of(System.getProperty("user.dir")).resolveSibling("config/labels/banking-sentiment.yaml");
        List<LabelDescription> labels = LabelSetFile.read(shipped);
        assertThat(labels).extracting(LabelDescription::label).containsExactly("NEGATIVE", "POSITIVE");
        assertThat(labels).allSatisfy(l -> assertThat(l.descriptions()).hasSizeGreaterThanOrEqualTo(10));
    }

    @Test
    void readsJsonWithTheSameStructure() throws Exception {
        Path file = write("{\"labels\": [{\"label\": \"A\", \"descriptions\": [\"x\"]}, {\"label\": \"B\", \"descriptions\": [\"y\", \"z\"]}]}");
        assertThat(LabelSetFile.read(file)).containsExactly(new LabelDescription("A", List.of("x")), new LabelDescription("B", List.of("y", "z")));
    }

    @Test
    void aLabelWithoutDescriptionsIsAnErrorNamingFileAndEntry() throws Exception {
        Path file = write("labels:\n  - label: A\n    descriptions: [\"x\"]\n  - label: B\n");
        assertThatThrownBy(() -> LabelSetFile.read(file)).isInstanceOf(ModelException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("labels[1]").hasMessageContaining("descriptions");
    }

    @Test
    void aDuplicateLabelIsAnError() throws Exception {
        Path file = write("labels:\n  - {label: A, descriptions: [x]}\n  - {label: A, descriptions: [y]}\n");
        assertThatThrownBy(() -> LabelSetFile.read(file)).hasMessageContaining("appears twice");
    }

    @Test
    void malformedYamlReportsTheLine() throws Exception {
        Path file = write("labels:\n  - label: A\n    descriptions: [x\n  - : :\n");
        assertThatThrownBy(() -> LabelSetFile.read(file)).isInstanceOf(ModelException.class).hasMessageContaining("line");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> LabelSetFile.read(dir.resolve("nope.yaml"))).hasMessageContaining("nope.yaml");
    }

    private Path write(String content) throws Exception {
        Path file = dir.resolve("labels.yaml");
        Files.writeString(file, content);
        return file;
    }
}
