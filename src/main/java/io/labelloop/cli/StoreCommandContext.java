package io.labelloop.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.store.StoreConfiguration;
import io.labelloop.store.StoreException;

/**
 * The small application context of the {@code import} and {@code export} commands: only the store and the dataset
 * service, configured like the application ({@code application.yaml}, {@code config/}, environment), no web server,
 * no loops.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatasetProperties.class)
@Import({StoreConfiguration.class, DatasetService.class})
class StoreCommandContext {

    /** Starts the context; a store that cannot be opened surfaces as its own exception, not a bean failure. */
    static ConfigurableApplicationContext start() {
        try {
            return new SpringApplicationBuilder(StoreCommandContext.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof StoreException || t instanceof IllegalArgumentException) {
                    throw (RuntimeException) t;
                }
            }
            throw e;
        }
    }
}
