package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labelloop.model.query.QueryStrategy;
import io.labelloop.model.train.TrainingMode;
import org.junit.jupiter.api.Test;

class ModelOptionsTest {

    @Test
    void everyStrategyIsFoundByTheNameUsersType() {
        for (QueryStrategy s : QueryStrategy.values()) {
            assertThat(ModelOptions.strategy(ModelOptions.id(s))).isEqualTo(s);
        }
        assertThat(ModelOptions.id(QueryStrategy.LEAST_CONFIDENCE)).isEqualTo("least-confidence");
        assertThat(ModelOptions.strategy(" Margin ")).isEqualTo(QueryStrategy.MARGIN);
        assertThat(ModelOptions.strategy("LEAST_CONFIDENCE")).isEqualTo(QueryStrategy.LEAST_CONFIDENCE);
    }

    @Test
    void trainModesAreHeadAndFull() {
        assertThat(ModelOptions.trainMode("head")).isEqualTo(TrainingMode.HEAD);
        assertThat(ModelOptions.trainMode("FULL")).isEqualTo(TrainingMode.FULL);
        assertThat(ModelOptions.id(TrainingMode.HEAD)).isEqualTo("head");
    }

    @Test
    void anUnknownNameIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> ModelOptions.strategy("smart"))
                .hasMessage("unknown strategy 'smart', expected one of least-confidence, margin, entropy, random");
        assertThatThrownBy(() -> ModelOptions.trainMode("half"))
                .hasMessage("unknown train mode 'half', expected one of head, full");
    }
}
