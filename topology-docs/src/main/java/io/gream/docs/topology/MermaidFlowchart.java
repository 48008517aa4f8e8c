package io.gream.docs.topology;

import org.apache.kafka.streams.TopologyDescription;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Draws a {@link TopologyDescription} as a Mermaid flowchart: topics, sources, processors, sinks and state stores,
 * each under its real name, with the edges Kafka Streams reports.
 *
 * <p>Derived from the description alone, so the picture cannot drift from the topology; it does not know what a
 * processor does, only how records and stores connect. Topics are parallelograms, stores cylinders; solid arrows
 * carry records, dotted lines join a processor to the stores it is connected to.
 */
public final class MermaidFlowchart {

    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> topics = new LinkedHashMap<>();
    private final Set<String> stores = new TreeSet<>();
    private final StringBuilder nodes = new StringBuilder();
    private final StringBuilder edges = new StringBuilder();

    private MermaidFlowchart() {
    }

    /** The flowchart, without the surrounding code fence. */
    public static String render(TopologyDescription description) {
        return new MermaidFlowchart().draw(description);
    }

    private String draw(TopologyDescription description) {
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            nodes.append("    subgraph ").append(id("subtopology", String.valueOf(subtopology.id())))
                    .append("[\"Sub-topology ").append(subtopology.id()).append("\"]\n");
            subtopology.nodes().forEach(this::node);
            nodes.append("    end\n");
        }
        for (TopologyDescription.GlobalStore global : description.globalStores()) {
            nodes.append("    subgraph ").append(id("global", String.valueOf(global.id())))
                    .append("[\"Global store ").append(global.id()).append("\"]\n");
            node(global.source());
            node(global.processor());
            nodes.append("    end\n");
        }

        StringBuilder chart = new StringBuilder("flowchart LR\n");
        topics.forEach((name, label) -> chart.append("    ").append(id("topic", name)).append("[/\"")
                .append(label).append("\"/]\n"));
        stores.forEach(store -> chart.append("    ").append(id("store", store)).append("[(\"").append(store)
                .append("\")]\n"));
        return chart.append(nodes).append(edges).toString();
    }

    private void node(TopologyDescription.Node node) {
        String id = id("node", node.name());
        nodes.append("        ").append(id).append("[\"").append(node.name()).append("<br/><i>").append(kind(node))
                .append("</i>\"]\n");
        if (node instanceof TopologyDescription.Source source) {
            for (String topic : sourceTopics(source)) {
                edges.append("    ").append(topic(topic)).append(" --> ").append(id).append('\n');
            }
        }
        if (node instanceof TopologyDescription.Sink sink) {
            String topic = sink.topic() != null ? sink.topic()
                    : "topic chosen per record by " + sink.topicNameExtractor().getClass().getSimpleName();
            edges.append("    ").append(id).append(" --> ").append(topic(topic)).append('\n');
        }
        if (node instanceof TopologyDescription.Processor processor) {
            for (String store : new TreeSet<>(processor.stores())) {
                stores.add(store);
                edges.append("    ").append(id).append(" <-.-> ").append(id("store", store)).append('\n');
            }
        }
        for (TopologyDescription.Node successor : node.successors()) {
            edges.append("    ").append(id).append(" --> ").append(id("node", successor.name())).append('\n');
        }
    }

    private String topic(String name) {
        topics.putIfAbsent(name, name);
        return id("topic", name);
    }

    private static List<String> sourceTopics(TopologyDescription.Source source) {
        if (source.topicSet() != null) {
            return List.copyOf(new TreeSet<>(source.topicSet()));
        }
        return List.of("pattern " + source.topicPattern().pattern());
    }

    private static String kind(TopologyDescription.Node node) {
        if (node instanceof TopologyDescription.Source) {
            return "source";
        }
        if (node instanceof TopologyDescription.Sink) {
            return "sink";
        }
        return "processor";
    }

    /** A Mermaid id for a name: letters, digits and underscores only, unique per name. */
    private String id(String prefix, String name) {
        return ids.computeIfAbsent(prefix + ":" + name, key -> {
            String id = prefix + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
            String unique = id;
            for (int n = 2; ids.containsValue(unique); n++) {
                unique = id + "_" + n;
            }
            return unique;
        });
    }
}
