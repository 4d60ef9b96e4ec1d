package io.labelloop.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class QueuePropertiesTest {

    private static QueueProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("labelloop.queue", QueueProperties.class);
    }

    @Test
    void aZeroOrNegativeLeaseFailsAtStartNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("labelloop.queue.lease", "0s")))
                .rootCause().hasMessageContaining("labelloop.queue.lease").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> bind(Map.of("labelloop.queue.lease", "-1m")))
                .rootCause().hasMessageContaining("labelloop.queue.lease");
    }

    @Test
    void unsetSettingsTakeTheDefaults() {
        assertThat(bind(Map.of())).isEqualTo(QueueProperties.defaults());
        assertThat(bind(Map.of("labelloop.queue.lease", "90s")).lease()).isEqualTo(Duration.ofSeconds(90));
    }
}
