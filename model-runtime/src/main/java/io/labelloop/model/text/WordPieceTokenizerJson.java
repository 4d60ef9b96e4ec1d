package io.labelloop.model.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes the standard BERT WordPiece {@code tokenizer.json} (BertNormalizer, BertPreTokenizer, WordPiece,
 * "[CLS] $A [SEP]") for a {@code vocab.txt}, for checkpoints that ship no {@code tokenizer.json}.
 */
public final class WordPieceTokenizerJson {

    private WordPieceTokenizerJson() {
    }

    public static String fromVocab(List<String> vocab, boolean lowercase) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")) {
            int id = vocab.indexOf(special);
            if (id >= 0) {
                added.addObject().put("id", id).put("content", special).put("single_word", false).put("lstrip", false)
                        .put("rstrip", false).put("normalized", false).put("special", true);
            }
        }
        root.putObject("normalizer").put("type", "BertNormalizer").put("clean_text", true).put("handle_chinese_chars", true)
                .putNull("strip_accents").put("lowercase", lowercase);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", "[CLS]").put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        single.addObject().putObject("SpecialToken").put("id", "[SEP]").put("type_id", 0);
        ArrayNode pair = post.putArray("pair");
        pair.addAll(single.deepCopy());
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        pair.addObject().putObject("SpecialToken").put("id", "[SEP]").put("type_id", 1);
        ObjectNode specials = post.putObject("special_tokens");
        for (String s : List.of("[CLS]", "[SEP]")) {
            specials.putObject(s).put("id", s).putArray("ids").add(Math.max(0, vocab.indexOf(s)));
            specials.with(s).putArray("tokens").add(s);
        }
        root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece").put("unk_token", "[UNK]").put("continuing_subword_prefix", "##").put("max_input_chars_per_word", 100);
        ObjectNode v = model.putObject("vocab");
        for (int i = 0; i < vocab.size(); i++) {
            if (!v.has(vocab.get(i))) {
                v.put(vocab.get(i), i);
            }
        }
        return root.toPrettyString();
    }
}
