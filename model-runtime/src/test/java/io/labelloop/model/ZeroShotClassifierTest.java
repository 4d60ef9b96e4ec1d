package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.labelloop.model.core.LabelScore;
import io.labelloop.model.core.Prediction;
import io.labelloop.model.text.TextTokenizer;
import io.labelloop.model.train.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pretrained classifier before any label, and how scoring handles awkward input. */
class ZeroShotClassifierTest {

    private static ModelRuntime runtime;
    private static TextClassifier classifier;

    @BeforeAll
    static void start() {
        runtime = ModelRuntime.builder().optThreads(2).build();
        Path labels = Path.of(System.getProperty("user.dir")).resolveSibling("config/labels/banking-sentiment.yaml");
        classifier = runtime.zeroShot(LabelSetFile.read(labels));
    }

    @AfterAll
    static void stop() {
        classifier.close();
        runtime.close();
    }

    @Test
    void reachesAtLeastEightyPercentOnEveryFifthBanking77Query() throws Exception {
        List<Example> sample = new ArrayList<>();
        List<Example> all = Banking77.examples();
        for (int i = 0; i < all.size(); i += 5) {
            sample.add(all.get(i));
        }
        Evaluation e = runtime.evaluate(classifier, sample);
        assertThat(e.count()).isEqualTo(2001);
        assertThat(e.accuracy()).isGreaterThanOrEqualTo(0.80);
        assertThat(e.perLabel().get("POSITIVE").recall()).isGreaterThan(0.7);
        assertThat(e.perLabel().get("NEGATIVE").recall()).isGreaterThan(0.7);
    }

    @Test
    void predictionsAreProbabilitiesSortedHighestFirstWithTheVersionAsAgent() {
        List<Prediction> p = classifier.predict(List.of("My card was charged twice for one coffee!", "How do I order a new card?"));
        assertThat(p.get(0).label()).isEqualTo("NEGATIVE");
        assertThat(p.get(1).label()).isEqualTo("POSITIVE");
        for (Prediction prediction : p) {
            assertThat(prediction.scores().get(0).score()).isGreaterThanOrEqualTo(prediction.scores().get(1).score());
            assertThat(prediction.scores().stream().mapToDouble(LabelScore::score).sum()).isCloseTo(1.0, offset(1e-5));
            assertThat(prediction.agent()).isEqualTo(classifier.version()).startsWith("zero-shot-");
        }
        assertThat(classifier.provenance().kind()).isEqualTo("zero-shot");
    }

    @Test
    void lengthSortedBatchingGivesEachTextTheScoreItGetsAlone() {
        // four batches of two, scored side by side by the scoring workers
        List<String> texts = List.of("short", "a considerably longer question about the exchange rate used for my card payment abroad", "why?",
                "my top up did not arrive", "can I pay with a virtual card in shops abroad", "refund please", "ok");
        List<Prediction> together = classifier.predict(texts, new ScoringOptions(2, 256, false));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(classifier.predict(List.of(texts.get(i))).get(0).maxScore()).isCloseTo(together.get(i).maxScore(), offset(1e-4f));
        }
    }

    @Test
    void paddingEverythingToMaxLengthChangesNothingButSpeed() {
        List<String> texts = List.of("I lost my card", "How can I top up by bank transfer?");
        List<Prediction> dynamic = classifier.predict(texts);
        List<Prediction> padded = classifier.predict(texts, new ScoringOptions(2, 64, true));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(padded.get(i).maxScore()).isCloseTo(dynamic.get(i).maxScore(), offset(1e-4f));
        }
    }

    @Test
    void emptyWhitespaceVeryLongAndBrokenUnicodeTextsAreScoredNotFatal() {
        String veryLong = "my transfer failed again and again ".repeat(5000);
        String loneSurrogate = "card \uD83D declined \uDC00 twice";
        List<Prediction> p = classifier.predict(List.of("", "   \n\t", veryLong, loneSurrogate, "\u0000\u0001"));
        assertThat(p).hasSize(5).allSatisfy(x -> assertThat(x.maxScore()).isBetween(0.5f, 1f));
        assertThat(classifier.tokenCounts(List.of(veryLong, ""))).containsExactly(ModelRuntime.DEFAULT_MAX_LENGTH, 2);
        assertThat(TextTokenizer.sanitize(loneSurrogate, 0)).isEqualTo("card \uFFFD declined \uFFFD twice");
        assertThat(TextTokenizer.sanitize("ok \uD83D\uDE00", 0)).isEqualTo("ok \uD83D\uDE00");
    }

    @Test
    void concurrentCallersGetTheSameScoresAsOneCaller() throws Exception {
        List<String> texts = List.of("I was charged twice", "What currencies can I hold?", "my transfer never arrived");
        List<Prediction> expected = classifier.predict(texts);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<List<Prediction>>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> classifier.predict(texts)));
            }
            for (var f : futures) {
                List<Prediction> got = f.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(got.get(i).maxScore()).isCloseTo(expected.get(i).maxScore(), offset(1e-5f));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aNullTextIsAnErrorNamingItsIndex() {
        List<String> texts = new ArrayList<>(List.of("fine"));
        texts.add(null);
        assertThatThrownBy(() -> classifier.predict(texts)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
    }

    @Test
    void aClosedClassifierRefusesToScore() {
        TextClassifier other = runtime.zeroShot(List.of(new LabelDescription("A", List.of("a")), new LabelDescription("B", List.of("b"))));
        other.close();
        assertThatThrownBy(() -> other.predict(List.of("x"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
