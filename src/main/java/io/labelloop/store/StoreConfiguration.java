package io.labelloop.store;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring wiring of the store: one {@link OpenSearchStore} (node or cluster) for the application's lifetime. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenSearchProperties.class)
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    OpenSearchStore openSearchStore(OpenSearchProperties properties) {
        return OpenSearchStore.open(properties);
    }
}
