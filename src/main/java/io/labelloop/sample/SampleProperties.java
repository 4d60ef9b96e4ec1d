package io.labelloop.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The offline sample dataset imported on first start ({@code labelloop.sample.*}).
 *
 * @param enabled whether to import the records to label when the loop's dataset is empty; the loop's held-out set
 *                (its {@code properties.eval-dataset}) is imported when missing either way, since the shipped loop
 *                refuses to start without it
 * @param loop    the loop whose dataset and label set receive the sample
 */
@ConfigurationProperties("labelloop.sample")
public record SampleProperties(@DefaultValue("true") boolean enabled, @DefaultValue(DEFAULT_LOOP) String loop) {

    /** The example loop shipped in config/loops and routes/. */
    public static final String DEFAULT_LOOP = "banking-sentiment";

    /** The CSV on the classpath: 320 banking customer queries written for Labelloop. */
    public static final String RESOURCE = "sample/banking-queries.csv";

    /**
     * The held-out set on the classpath: 303 other queries written for Labelloop, each with its label (column
     * {@code label}), imported into the loop's {@code properties.eval-dataset} when the loop names one.
     */
    public static final String EVAL_RESOURCE = "sample/banking-queries-eval.csv";

    /** The label column of {@link #EVAL_RESOURCE}. */
    static final String EVAL_LABEL_COLUMN = "label";

    /** The metadata columns of both files, besides {@code id}, {@code text} and {@code label}. */
    static final List<String> METADATA = List.of("product", "channel", "customer_tier", "language");
}
