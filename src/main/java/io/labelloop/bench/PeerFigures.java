package io.labelloop.bench;

import io.labelloop.model.weights.PretrainedEncoder;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The peer runtime's scoring rate beside Labelloop's, from the same texts in the same run. */
final class PeerFigures {

    private PeerFigures() {
    }

    /**
     * Adds {@code onnxruntime} (its records/s, tokenisation included as in Labelloop's figure) and
     * {@code scoring.vs_onnxruntime} (Labelloop's records/s over the peer's) to {@code result}, which must hold
     * {@code scoring.records_per_s} already.
     */
    static void measure(PretrainedEncoder encoder, int threads, int batchSize, List<String> texts, Map<String, Object> result,
                        PrintStream log) throws Exception {
        log.println("onnxruntime on the same " + texts.size() + " records, batches of " + batchSize + " ...");
        try (OnnxRuntimePeer peer = new OnnxRuntimePeer(encoder, threads)) {
            long[][] warmUp = peer.tokenize(texts.subList(0, Math.min(256, texts.size())));
            peer.encodeSeconds(warmUp, batchSize);
            long t0 = System.nanoTime();
            long[][] ids = peer.tokenize(texts);
            double tokenizeSeconds = (System.nanoTime() - t0) / 1e9;
            double encodeSeconds = peer.encodeSeconds(ids, batchSize);
            double perSecond = texts.size() / (tokenizeSeconds + encodeSeconds);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("records_per_s", ModelBench.round(perSecond));
            p.put("encode_seconds", ModelBench.round(encodeSeconds));
            p.put("tokenize_seconds", ModelBench.round(tokenizeSeconds));
            p.put("threads", threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            result.put("onnxruntime", p);
            @SuppressWarnings("unchecked")
            Map<String, Object> scoring = (Map<String, Object>) result.get("scoring");
            scoring.put("vs_onnxruntime", ModelBench.round((double) scoring.get("records_per_s") / perSecond));
            log.println("onnxruntime: " + p + ", vs_onnxruntime " + scoring.get("vs_onnxruntime"));
        }
    }
}
