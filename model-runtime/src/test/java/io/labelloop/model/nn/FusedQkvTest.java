package io.labelloop.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.TensorData;
import io.labelloop.model.infer.EngineSetup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query, key and value are one parameter inside the encoder and three BERT-named tensors outside it. */
class FusedQkvTest {

    private static final String LAYER = "encoder.layer.3.";

    @Test
    void fusingStacksQueryKeyAndValueAndSplittingGivesThemBackUnderTheirBertNames() {
        EngineSetup.configure(0, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> w = new HashMap<>();
            float[][] parts = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
            for (int i = 0; i < 3; i++) {
                w.put(LAYER + FusedQkv.PARTS.get(i) + ".weight", m.create(parts[i], new Shape(2, 2)));
                w.put(LAYER + FusedQkv.PARTS.get(i) + ".bias", m.create(new float[] {i, -i}, new Shape(2)));
            }

            FusedQkv.fuse(w, LAYER);

            assertThat(w).containsOnlyKeys(LAYER + "attention.self.qkv.weight", LAYER + "attention.self.qkv.bias");
            NDArray fused = w.get(LAYER + "attention.self.qkv.weight");
            assertThat(fused.getShape()).isEqualTo(new Shape(6, 2));
            List<TensorData> split = FusedQkv.split(new TensorData(LAYER + "attention.self.qkv.weight",
                    fused.getShape().getShape(), fused.toFloatArray()));
            assertThat(split).extracting(TensorData::name).containsExactly(LAYER + "attention.self.query.weight",
                    LAYER + "attention.self.key.weight", LAYER + "attention.self.value.weight");
            for (int i = 0; i < 3; i++) {
                assertThat(split.get(i).shape()).containsExactly(2, 2);
                assertThat(split.get(i).data()).containsExactly(parts[i]);
            }
            assertThat(FusedQkv.split(split.get(0))).containsExactly(split.get(0));
        }
    }

    @Test
    void aMissingProjectionIsNamed() {
        EngineSetup.configure(0, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> w = new HashMap<>();
            w.put(LAYER + "attention.self.query.weight", m.zeros(new Shape(2, 2)));
            assertThatThrownBy(() -> FusedQkv.fuse(w, LAYER)).isInstanceOf(ModelException.class)
                    .hasMessageContaining(LAYER + "attention.self.key.weight");
        }
    }
}
