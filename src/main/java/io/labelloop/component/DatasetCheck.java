package io.labelloop.component;

import io.labelloop.loop.LoopCatalog;
import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start a route whose loop reads a dataset that does not exist: its own ({@code dataset}) or its held-out
 * one ({@code properties.eval-dataset}). A dataset some route imports into passes (the import step of a loop over
 * that dataset creates it, so the loop waits for it), as do datasets created before the routes start, such as the
 * sample Labelloop imports on first start.
 */
final class DatasetCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetCheck.class);

    private DatasetCheck() {
    }

    /**
     * @param endpoint the endpoint of a starting consumer or producer
     * @param routeIds the routes it belongs to, named in the error
     * @throws IllegalStateException naming the route file, the loop, its file and line, and the option of each
     *                               missing dataset
     */
    static void require(LabelloopEndpoint endpoint, List<String> routeIds) {
        LoopConfig loop = endpoint.loop();
        List<String> missing = new ArrayList<>();
        check(endpoint, loop, "dataset", loop.dataset()).ifPresent(missing::add);
        if (loop.evalDataset() != null) {
            check(endpoint, loop, "properties." + LoopConfig.EVAL_DATASET, loop.evalDataset()).ifPresent(missing::add);
        }
        if (missing.isEmpty()) {
            return;
        }
        CamelContext camel = endpoint.getCamelContext();
        String where = routeIds.stream().map(id -> RouteFiles.where(camel, id, endpoint))
                .collect(Collectors.joining("; "));
        throw new IllegalStateException((where.isEmpty() ? "" : where + ": ") + "loop '" + loop.name() + "': "
                + String.join("; ", missing));
    }

    /** What is wrong with one dataset option of the loop, if anything. */
    private static Optional<String> check(LabelloopEndpoint endpoint, LoopConfig loop, String option, String dataset) {
        if (endpoint.steps().hasDataset(loop, dataset)) {
            return Optional.empty();
        }
        CamelContext camel = endpoint.getCamelContext();
        List<String> loopsOverIt = loopsOver(endpoint.getComponent().getCatalog(), dataset);
        List<String> importers = RouteFiles.sendingTo(camel,
                uri -> loopsOverIt.stream().anyMatch(name -> importsInto(camel, uri, name)));
        if (!importers.isEmpty()) {
            LOG.info("labelloop: dataset '{}' ({} of loop '{}') does not exist yet; route {} imports into it",
                    dataset, option, loop.name(), importers);
            return Optional.empty();
        }
        int line = LoopConfigLoader.lineOf(loop.source(), option);
        return Optional.of("option '" + option + "' of " + loop.source() + (line > 0 ? " line " + line : "")
                + " names dataset '" + dataset + "', which does not exist, and no route imports into it; "
                + remedy(loop, option, dataset));
    }

    /** The loops whose own dataset this is: an import step on any of them creates it. */
    private static List<String> loopsOver(LoopCatalog catalog, String dataset) {
        return catalog.all().stream().filter(loop -> loop.dataset().equals(dataset)).map(LoopConfig::name).toList();
    }

    private static String remedy(LoopConfig loop, String option, String dataset) {
        if (option.equals("dataset")) {
            return "import records first (./labelloop import) or add a step to labelloop:" + loop.name()
                    + "?operation=import&file=...";
        }
        return "import its labeled records first (./labelloop import --dataset " + dataset
                + " --labels ... --label-column label FILE), or remove the option to evaluate on the eval split of '"
                + loop.dataset() + "'";
    }

    /** Whether a step URI, as written in a route, imports into the loop. */
    static boolean importsInto(CamelContext camel, String uri, String loop) {
        String resolved = resolve(camel, uri).toLowerCase(Locale.ROOT);
        String path = resolved.startsWith("labelloop://") ? resolved.substring("labelloop://".length())
                : resolved.startsWith("labelloop:") ? resolved.substring("labelloop:".length()) : null;
        if (path == null) {
            return false;
        }
        int query = path.indexOf('?');
        String name = query < 0 ? path : path.substring(0, query);
        return name.equals(loop.toLowerCase(Locale.ROOT)) && query >= 0
                && ("&" + path.substring(query + 1)).contains("&operation=import");
    }

    private static String resolve(CamelContext camel, String uri) {
        try {
            return camel.resolvePropertyPlaceholders(uri);
        } catch (RuntimeException e) {
            return uri; // a placeholder that resolves only at runtime (toD): the URI as written still names the loop
        }
    }
}
