package io.labelloop.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The offline sample dataset imported on first start ({@code labelloop.sample.*}).
 *
 * @param enabled whether to import it when the loop's dataset does not exist yet
 * @param loop    the loop whose dataset and label set receive the sample
 */
@ConfigurationProperties("labelloop.sample")
public record SampleProperties(@DefaultValue("true") boolean enabled, @DefaultValue(DEFAULT_LOOP) String loop) {

    /** The example loop shipped in config/loops and routes/. */
    public static final String DEFAULT_LOOP = "banking-sentiment";

    /** The CSV on the classpath: 320 banking customer queries written for Labelloop. */
    public static final String RESOURCE = "sample/banking-queries.csv";

    /** Its metadata columns, besides {@code id} and {@code text}. */
    static final List<String> METADATA = List.of("product", "channel", "customer_tier", "language");
}
