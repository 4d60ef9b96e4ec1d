package io.labelloop.loop;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import java.util.Comparator;

/** The loops declared in {@code config/loops/}, loaded and validated once at start. */
@Service
public class LoopCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(LoopCatalog.class);

    private final LoopProperties properties;
    private final Map<String, LoopConfig> loops = new ConcurrentHashMap<>();

    public LoopCatalog(LoopProperties properties) {
        this.properties = properties;
        LoopConfigLoader.loadAll(properties.resolvedConfigDir()).forEach(this::register);
        LOG.info("Loops from {}: {}", properties.resolvedConfigDir(), loops.keySet());
    }

    /** The loop of that name; the error says where loops are read from. */
    public LoopConfig get(String name) {
        LoopConfig loop = loops.get(name);
        if (loop == null) {
            throw new LoopException(name, "no loop file declares it; expected " + properties.resolvedConfigDir()
                    .resolve(name + ".yaml") + " (loops known: " + loops.keySet() + ")");
        }
        return loop;
    }

    /** Adds or replaces a loop; two files declaring the same name are an error. */
    public void register(LoopConfig loop) {
        LoopConfig previous = loops.putIfAbsent(loop.name(), loop);
        if (previous != null && !previous.source().equals(loop.source())) {
            throw new LoopException(loop.name(), "declared twice, in " + previous.source() + " and " + loop.source());
        }
        loops.put(loop.name(), loop);
    }

    /** Replaces a loop's settings, for example with the options of {@code ./labelloop simulate}. */
    public void update(String name, Function<LoopConfig, LoopConfig> change) {
        loops.put(name, change.apply(get(name)));
    }

    public Collection<LoopConfig> all() {
        return loops.values().stream().sorted(Comparator.comparing(LoopConfig::name))
                .collect(Collectors.toList());
    }

    public LoopProperties properties() {
        return properties;
    }
}
