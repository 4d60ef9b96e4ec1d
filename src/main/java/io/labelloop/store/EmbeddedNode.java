package io.labelloop.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.client.Client;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/** A real OpenSearch node running inside this JVM, HTTP on 127.0.0.1. */
final class EmbeddedNode implements AutoCloseable {

    static final String CLUSTER_NAME = "labelloop";
    private static final List<Class<? extends Plugin>> PLUGINS =
            List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class);

    private final Node node;
    private final int httpPort;

    private EmbeddedNode(Node node) {
        this.node = node;
        InetSocketAddress bound = node.injector().getInstance(HttpServerTransport.class)
                .boundAddress().publishAddress().address();
        this.httpPort = bound.getPort();
    }

    /** Starts a single-node cluster whose files live under {@code home}. */
    static EmbeddedNode startSingle(Path home, int httpPort) {
        return start(home, Settings.builder()
                .put("http.port", httpPort)
                .put("transport.port", 0)
                .put("discovery.type", "single-node")
                .build());
    }

    /**
     * Starts a node with these extra settings on top of the common ones (used for multi-node clusters).
     */
    static EmbeddedNode start(Path home, Settings extra) {
        Node node = construct(home, extra);
        try {
            return new EmbeddedNode(node.start());
        } catch (NodeValidationException e) {
            throw new StoreUnavailableException("Could not start the embedded OpenSearch node in " + home
                    + " (setting labelloop.opensearch.data-dir): " + e.getMessage(), e);
        }
    }

    /** Wraps a node that {@link #construct} built and that was then started. */
    static EmbeddedNode started(Node node) {
        return new EmbeddedNode(node);
    }

    /**
     * Builds (does not start) a node. Nodes of one cluster are built one after another, then started together, as
     * each waits for the others to elect a cluster manager. The Netty processors property must be off before the
     * first node, or a second node in the same JVM fails.
     */
    static Node construct(Path home, Settings extra) {
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        try {
            Files.createDirectories(home);
            Settings settings = Settings.builder()
                    .put("path.home", home.toAbsolutePath().toString())
                    .put("path.data", home.resolve("data").toAbsolutePath().toString())
                    .put("path.logs", home.resolve("logs").toAbsolutePath().toString())
                    .put("cluster.name", CLUSTER_NAME)
                    .put("network.host", "127.0.0.1")
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    .put(extra)
                    .build();
            Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null,
                    () -> settings.get("node.name", "labelloop-embedded"));
            return new PluginNode(env, PLUGINS);
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not create the embedded OpenSearch node in " + home
                    + " (setting labelloop.opensearch.data-dir): " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("Could not start the embedded OpenSearch node in " + home
                    + " (setting labelloop.opensearch.data-dir). Is another Labelloop using this directory? "
                    + "Stop it, or point labelloop.opensearch.uris at its node. Cause: " + e.getMessage(), e);
        }
    }

    int httpPort() {
        return httpPort;
    }

    /** The node's own client (transport actions inside the JVM, no HTTP): for cluster health and the like. */
    Client client() {
        return node.client();
    }

    @Override
    public void close() {
        try {
            node.close();
            node.awaitClose(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not stop the embedded OpenSearch node: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Node's plugin constructor is protected: this subclass is the documented way to embed. */
    private static final class PluginNode extends Node {
        PluginNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
            super(env, plugins, true);
        }
    }
}
