package io.labelloop.routes;

import io.labelloop.loop.LoopCatalog;
import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopConfigLoader;
import io.labelloop.loop.LoopSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start a route whose loop reads a dataset that does not exist: its own ({@code dataset}) or its held-out
 * one ({@code properties.eval-dataset}). A dataset some route imports into passes (the import step of a loop over
 * that dataset creates it, so the loop waits for it), as do datasets created before the routes start, such as the
 * sample Labelloop imports on first start.
 */
public final class DatasetCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetCheck.class);
    /**
     * Camel context, loop, option and dataset already said to wait for an import: every endpoint of a loop is checked,
     * and a loop with a dozen endpoints would otherwise say it a dozen times per start.
     */
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private DatasetCheck() {
    }

    /**
     * @param endpoint the endpoint of a starting consumer or producer
     * @param loop     its loop
     * @param steps    the loop steps, which know the datasets
     * @param catalog  every loop, to find the routes that import into the dataset
     * @param routeIds the routes it belongs to, named in the error
     * @throws IllegalStateException naming the route file, the loop, its file and line, and the option of each
     *                               missing dataset
     */
    public static void require(Endpoint endpoint, LoopConfig loop, LoopSteps steps, LoopCatalog catalog,
                               List<String> routeIds) {
        List<String> missing = new ArrayList<>();
        Loop checked = new Loop(endpoint.getCamelContext(), loop, steps, catalog);
        checked.check("dataset", loop.dataset()).ifPresent(missing::add);
        if (loop.evalDataset() != null) {
            checked.check("properties." + LoopConfig.EVAL_DATASET, loop.evalDataset()).ifPresent(missing::add);
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

    /** The loop being checked, with what the check reads. */
    private record Loop(CamelContext camel, LoopConfig loop, LoopSteps steps, LoopCatalog catalog) {

        /** What is wrong with one dataset option of the loop, if anything. */
        Optional<String> check(String option, String dataset) {
            if (steps.hasDataset(loop, dataset)) {
                return Optional.empty();
            }
            List<String> loopsOverIt = loopsOver(catalog, dataset);
            List<String> importers = RouteFiles.sendingTo(camel,
                    uri -> loopsOverIt.stream().anyMatch(name -> importsInto(camel, uri, name)));
            if (!importers.isEmpty()) {
                if (SAID.add(camel.getName() + " " + loop.name() + " " + option + " " + dataset)) {
                    LOG.info("labelloop: dataset '{}' ({} of loop '{}') does not exist yet; route {} imports into it",
                            dataset, option, loop.name(), importers);
                }
                return Optional.empty();
            }
            int line = LoopConfigLoader.lineOf(loop.source(), option);
            return Optional.of("option '" + option + "' of " + loop.source() + (line > 0 ? " line " + line : "")
                    + " names dataset '" + dataset + "', which does not exist, and no route imports into it; "
                    + remedy(loop, option, dataset));
        }
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
