package io.labelloop.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.TensorData;
import io.labelloop.model.weights.PretrainedEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    @Test
    void writtenTensorsReadBackEqual() {
        Path file = dir.resolve("w.safetensors");
        TensorData a = new TensorData("a", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f});
        TensorData b = new TensorData("b", new long[] {1}, new float[] {Float.MIN_VALUE});
        Safetensors.write(file, List.of(a, b), Map.of("format", "test"));
        Map<String, TensorData> read = Safetensors.read(file);
        assertThat(read.get("a").shape()).containsExactly(2, 3);
        assertThat(read.get("a").data()).containsExactly(a.data());
        assertThat(read.get("b").data()).containsExactly(b.data());
    }

    @Test
    void aTruncatedFileIsAnErrorNamingFileAndTensor() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, List.of(new TensorData("big", new long[] {100}, new float[100])), Map.of());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> Safetensors.read(file)).isInstanceOf(ModelException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("'big'").hasMessageContaining("truncated");
    }

    @Test
    void garbageIsAnErrorNotACrash() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertThatThrownBy(() -> Safetensors.read(file)).isInstanceOf(ModelException.class).hasMessageContaining("header length");
    }

    @Test
    void halfPrecisionValuesConvert() {
        assertThat(Safetensors.halfToFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(Safetensors.halfToFloat((short) 0xc000)).isEqualTo(-2f);
        assertThat(Safetensors.halfToFloat((short) 0x0001)).isEqualTo(5.9604645e-8f);
    }

    @Test
    void aTruncatedOnnxFileIsAnErrorNotACrash() throws Exception {
        byte[] onnx;
        try (var in = getClass().getResourceAsStream(PretrainedEncoder.ALL_MINILM_L6_V2.onnxResource())) {
            onnx = in.readNBytes(5_000_000);
        }
        assertThatThrownBy(() -> OnnxWeights.read(onnx, "cut.onnx")).isInstanceOf(ModelException.class)
                .hasMessageContaining("cut.onnx").hasMessageContaining("truncated");
    }
}
