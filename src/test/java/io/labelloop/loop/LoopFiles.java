package io.labelloop.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes loop files into a temporary Labelloop home for tests. */
public final class LoopFiles {

    /** A minimal valid loop file body for a loop over dataset {@code ds}. */
    public static final String MINIMAL = """
            dataset: ds
            training:
              every-labels: 5
              debounce-ms: 0
            queue:
              low-watermark: 3
            """;

    private LoopFiles() {
    }

    /** A home folder with {@code config/loops/<name>.yaml} holding {@code body}. */
    public static Path home(String name, String body) {
        try {
            Path home = Files.createTempDirectory("labelloop-loops-");
            write(home, name, body);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path home, String name, String body) {
        try {
            Path file = home.resolve("config/loops").resolve(name + ".yaml");
            Files.createDirectories(file.getParent());
            return Files.writeString(file, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog of the home's loop files. */
    public static LoopCatalog catalog(Path home) {
        return new LoopCatalog(new LoopProperties(home.toString(), Path.of(LoopProperties.DEFAULT_CONFIG_DIR),
                Path.of(LoopProperties.DEFAULT_ROUTES_DIR), Path.of(LoopProperties.DEFAULT_MODELS_DIR)));
    }
}
