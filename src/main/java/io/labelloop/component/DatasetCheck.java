package io.labelloop.component;

import io.labelloop.loop.LoopConfig;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start a route whose loop points at a dataset that does not exist, unless some route imports into the
 * loop (its import step creates the dataset, so the loop waits for it). Datasets created before the routes start,
 * such as the sample Labelloop imports on first start, exist by then and pass.
 */
final class DatasetCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetCheck.class);

    private DatasetCheck() {
    }

    /**
     * @param endpoint the endpoint of a starting consumer or producer
     * @param routeIds the routes it belongs to, named in the error
     * @throws IllegalStateException naming the route file, the loop, its file and the dataset option
     */
    static void require(LabelloopEndpoint endpoint, List<String> routeIds) {
        LoopConfig loop = endpoint.loop();
        if (endpoint.steps().hasDataset(loop)) {
            return;
        }
        CamelContext camel = endpoint.getCamelContext();
        List<String> importers = RouteFiles.sendingTo(camel, uri -> importsInto(camel, uri, loop.name()));
        if (!importers.isEmpty()) {
            LOG.info("labelloop: dataset '{}' of loop '{}' does not exist yet; route {} imports into it",
                    loop.dataset(), loop.name(), importers);
            return;
        }
        String where = routeIds.stream().map(id -> RouteFiles.where(camel, id)).collect(Collectors.joining("; "));
        throw new IllegalStateException((where.isEmpty() ? "" : where + ": ") + "loop '" + loop.name()
                + "': option 'dataset' of " + loop.source() + " names dataset '" + loop.dataset()
                + "', which does not exist, and no route imports into it; import records first (./labelloop import)"
                + " or add a step to labelloop:" + loop.name() + "?operation=import&file=...");
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
