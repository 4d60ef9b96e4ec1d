package io.labelloop.model.weights;

import io.labelloop.model.core.TensorData;
import io.labelloop.model.nn.EncoderConfig;
import io.labelloop.model.nn.HeadConfig;
import java.util.List;
import java.util.Map;

/**
 * A classifier as read from files, before it becomes one: a version directory or a HuggingFace checkpoint.
 *
 * @param sharedEncoder the {@link PretrainedEncoder#sharedId()} of the pretrained encoder it runs on unchanged,
 *     or null when {@code weights} hold its own encoder
 * @param encoder the encoder's shape (null with a shared encoder)
 * @param head the head's pooling and dense layer (null with a shared encoder: the sentence head)
 * @param weights canonical BERT-named tensors: the head's only with a shared encoder
 * @param tokenizerJson its {@code tokenizer.json} (null with a shared encoder)
 * @param textPrefix put before every text by its tokenizer ("" for none; null with a shared encoder)
 * @param labels the label set, in the order of the head's outputs
 * @param provenance where it came from
 */
public record StoredModel(String sharedEncoder, EncoderConfig encoder, HeadConfig head, Map<String, TensorData> weights,
                          byte[] tokenizerJson, String textPrefix, List<String> labels, Provenance provenance) {
}
