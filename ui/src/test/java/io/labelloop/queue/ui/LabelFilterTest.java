package io.labelloop.queue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelFilterTest {

    private final LabelFilter filter = new LabelFilter(List.of("activate_my_card", "card_arrival",
            "card_delivery_estimate", "lost_or_stolen_card", "Refund_not_showing_up", "transfer_timing"));

    @Test
    void nothingTypedMatchesEveryLabelInItsOrder() {
        assertThat(filter.matching("")).hasSize(6).startsWith("activate_my_card");
        assertThat(filter.matching("   ")).hasSize(6);
    }

    @Test
    void everyWordTypedMustOccurWithUnderscoresReadAsSpacesAndCaseAside() {
        assertThat(filter.matching("card arr")).containsExactly("card_arrival");
        assertThat(filter.matching("REFUND showing")).containsExactly("Refund_not_showing_up");
        assertThat(filter.matching("stolen_card")).containsExactly("lost_or_stolen_card");
        assertThat(filter.matching("zebra")).isEmpty();
    }

    @Test
    void labelsThatBeginWithWhatWasTypedComeFirst() {
        assertThat(filter.matching("card")).containsExactly("card_arrival", "card_delivery_estimate",
                "activate_my_card", "lost_or_stolen_card");
    }
}
