package io.labelloop.loop;

import io.labelloop.model.ModelRuntime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the loop settings and, unless the application declares its own, the shared model runtime. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoopProperties.class)
class LoopModelConfiguration {

    /** Engine threads; 0 lets the engine choose (all cores). */
    static final String THREADS = "${labelloop.model.threads:0}";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ModelRuntime modelRuntime(@Value(THREADS) int threads) {
        return ModelRuntime.builder().optThreads(threads).build();
    }
}
