package io.labelloop.model.weights;

import io.labelloop.model.core.ModelException;
import io.labelloop.model.text.WordPieceTokenizerJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Downloads a model's {@code config.json}, {@code tokenizer.json} and {@code model.safetensors} from the
 * HuggingFace Hub into {@code <cache>/<owner>--<name>/}, once; later calls use the cached files without network.
 * Repositories without {@code tokenizer.json} (older BERT checkpoints) get one generated from {@code vocab.txt}.
 * A token in the environment variable {@value #TOKEN_VARIABLE} is sent for gated or private models.
 */
public final class HubDownloader {

    /** Environment variable holding a HuggingFace access token (never a setting or a file). */
    static final String TOKEN_VARIABLE = "HF_TOKEN";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String endpoint;
    private final Path cache;

    /** Downloads from {@code endpoint} into {@code cache}. */
    public HubDownloader(String endpoint, Path cache) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.cache = cache;
    }

    /** The model's directory in the cache, downloaded first unless it is there; see {@code ModelRuntime#fromHub}. */
    public Path download(String modelId) {
        if (modelId == null || !modelId.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)?") || modelId.contains("..")) {
            throw new IllegalArgumentException("'" + modelId + "' is not a HuggingFace model id like 'owner/name' or 'name'");
        }
        Path dir = cache.resolve(modelId.replace("/", "--"));
        List<String> files = List.of(HuggingFaceModels.CONFIG, HuggingFaceModels.WEIGHTS);
        try {
            Files.createDirectories(dir);
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
            for (String file : files) {
                fetch(client, modelId, file, dir, true);
            }
            if (!Files.exists(dir.resolve(HuggingFaceModels.TOKENIZER)) && !fetch(client, modelId, HuggingFaceModels.TOKENIZER, dir, false)) {
                fetch(client, modelId, "vocab.txt", dir, true);
                boolean lower = !fetch(client, modelId, "tokenizer_config.json", dir, false)
                        || !Files.readString(dir.resolve("tokenizer_config.json")).replace(" ", "").contains("\"do_lower_case\":false");
                Files.writeString(dir.resolve(HuggingFaceModels.TOKENIZER),
                        WordPieceTokenizerJson.fromVocab(Files.readAllLines(dir.resolve("vocab.txt")), lower));
            }
            return dir;
        } catch (IOException e) {
            throw new ModelException("cannot write to the model cache " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Downloads one file unless cached; returns false when the Hub says 404 and the file is optional. */
    private boolean fetch(HttpClient client, String modelId, String file, Path dir, boolean required) throws IOException {
        Path target = dir.resolve(file);
        if (Files.exists(target)) {
            return true;
        }
        URI uri = URI.create(endpoint + "/" + modelId + "/resolve/main/" + file);
        Path part = dir.resolve(file + ".part");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
            String token = System.getenv(TOKEN_VARIABLE);
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token.trim());
            }
            HttpResponse<Path> response = client.send(request.build(), HttpResponse.BodyHandlers.ofFile(part));
            if (response.statusCode() == 404 && !required) {
                Files.deleteIfExists(part);
                return false;
            }
            if (response.statusCode() != 200) {
                Files.deleteIfExists(part);
                throw new ModelException("downloading " + uri + " failed with HTTP " + response.statusCode()
                        + (response.statusCode() == 401 || response.statusCode() == 404 ? " (unknown or private model id?)" : ""));
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw new ModelException("cannot download " + uri + " (offline or the Hub unreachable?): " + e
                    + ". To use the model offline, put " + HuggingFaceModels.CONFIG + ", " + HuggingFaceModels.TOKENIZER + " and "
                    + HuggingFaceModels.WEIGHTS + " into " + dir + " or load a local directory with fromDirectory.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("download of " + uri + " interrupted", e);
        }
    }
}
