package io.labelloop.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import io.labelloop.loop.LoopException;

import java.util.List;

class LoopStartFailureAnalyzerTest {

    private final LoopStartFailureAnalyzer analyzer = new LoopStartFailureAnalyzer();

    @Test
    void aBadLoopFileDeepInsideBeanCreationBecomesItsOwnOneLineDescription() {
        LoopException bad = new LoopException("banking-sentiment",
                "config/loops/banking-sentiment.yaml: field 'training.every-labels' must be greater than 0, got 0");
        Throwable failure = new BeanCreationException("loopStepService", "Error creating bean",
                new BeanCreationException("loopCatalog", "Error creating bean", bad));

        assertThat(analyzer.analyze(failure).getDescription()).isEqualTo(bad.getMessage());
    }

    @Test
    void aRouteErrorIsDescribedByTheMessageThatNamesTheRouteFile() {
        Throwable named = new IllegalArgumentException(
                "route file routes/loop.yaml line 29, route 'loop-retrain': option 'threshold' must be greater than 0");
        Throwable failure = new IllegalStateException("Failed to start Camel", new RuntimeException("wrapper", named));

        assertThat(analyzer.analyze(failure).getDescription()).startsWith("route file routes/loop.yaml line 29");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("port in use"))).isNull();
    }

    @Test
    void springBootFindsTheAnalyzer() {
        List<FailureAnalyzer> found = SpringFactoriesLoader
                .forDefaultResourceLocation(getClass().getClassLoader())
                .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> {
                    // Spring Boot's own analyzers need constructor arguments that only a running application has
                }));
        assertThat(found).anyMatch(LoopStartFailureAnalyzer.class::isInstance);
    }
}
