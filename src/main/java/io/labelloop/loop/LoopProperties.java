package io.labelloop.loop;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where loops live: {@code labelloop.loops.*} in application.yaml.
 *
 * @param home      the Labelloop home (the launcher sets {@code LABELLOOP_HOME} to the repository root); a string,
 *                  because Spring would turn "." into the servlet container's document root, not the working
 *                  directory
 * @param configDir folder of the loop files; relative paths resolve against {@code home}
 * @param routesDir folder of the Camel YAML routes; relative paths resolve against {@code home}
 * @param modelsDir folder where each trained model version is saved; relative paths resolve against {@code home}
 */
@ConfigurationProperties("labelloop.loops")
public record LoopProperties(
        @DefaultValue(DEFAULT_HOME) String home,
        @DefaultValue(DEFAULT_CONFIG_DIR) Path configDir,
        @DefaultValue(DEFAULT_ROUTES_DIR) Path routesDir,
        @DefaultValue(DEFAULT_MODELS_DIR) Path modelsDir) {

    public static final String DEFAULT_HOME = ".";
    public static final String DEFAULT_CONFIG_DIR = "config/loops";
    public static final String DEFAULT_ROUTES_DIR = "routes";
    public static final String DEFAULT_MODELS_DIR = "data/models";

    private Path base() {
        return Path.of(home);
    }

    /** The loop files' folder as an absolute path. */
    public Path resolvedConfigDir() {
        return base().resolve(configDir).toAbsolutePath().normalize();
    }

    /** The route files' folder as an absolute path. */
    public Path resolvedRoutesDir() {
        return base().resolve(routesDir).toAbsolutePath().normalize();
    }

    /** The directory of one model version of a loop. */
    public Path versionDir(String loop, String version) {
        return base().resolve(modelsDir).resolve(loop).resolve(version).toAbsolutePath().normalize();
    }

    /** A path from a loop file (label set, import file), resolved against the home folder. */
    public Path resolve(String path) {
        return base().resolve(path).toAbsolutePath().normalize();
    }
}
