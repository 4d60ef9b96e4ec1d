package io.labelloop.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetadataTermsTest {

    @Test
    void readsKeysWithOneOrSeveralValues() {
        assertThat(MetadataTerms.parse(" product:card  channel:app,web "))
                .containsEntry("product", List.of("card")).containsEntry("channel", List.of("app", "web"));
    }

    @Test
    void anEmptyFilterHasNoTerms() {
        assertThat(MetadataTerms.parse("  ")).isEmpty();
    }

    @Test
    void aTermWithoutValueIsRefusedWithTheTermInTheMessage() {
        assertThatThrownBy(() -> MetadataTerms.parse("product:")).hasMessageContaining("'product:'");
        assertThatThrownBy(() -> MetadataTerms.parse("card")).hasMessageContaining("key:value");
    }
}
