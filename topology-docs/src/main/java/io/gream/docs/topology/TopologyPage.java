package io.gream.docs.topology;

import org.apache.kafka.streams.TopologyDescription;

/**
 * Renders {@code docs/topology.md}: the bid-engine topology as a Mermaid diagram and as {@code Topology.describe()}
 * prints it.
 *
 * <p>Both views come from the same {@link TopologyDescription} of the topology the application builds, so the page
 * shows the real node and store names; it explains nothing the names do not (the engine's Javadoc and the README
 * do that).
 */
public final class TopologyPage {

    private TopologyPage() {
    }

    /**
     * @param engine          {@code BidEngineTopology.build(BidEngineConfig.DEFAULT).describe()}
     * @param generatedNotice the header that says the file is generated and how to refresh it
     */
    public static String render(TopologyDescription engine, String generatedNotice) {
        return """
                # bid-engine topology

                %s

                The Kafka Streams topology of the bid-engine, as built by \
                `BidEngineTopology.build(BidEngineConfig.DEFAULT)`, the same builder the application runs. Every \
                node and store is named in code, so these names are stable across releases: a store's name is also \
                the name of its changelog topic (`<application.id>-<store>-changelog`) and of its state on disk.

                ## Diagram

                Topics are parallelograms, state stores cylinders. Solid arrows carry records; dotted lines join a \
                processor to the stores it uses.

                ```mermaid
                %s```

                ## Topology.describe()

                ```text
                %s
                ```
                """.formatted(generatedNotice, MermaidFlowchart.render(engine), engine.toString().strip());
    }
}
