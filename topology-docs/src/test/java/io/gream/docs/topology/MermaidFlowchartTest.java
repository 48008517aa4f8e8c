package io.gream.docs.topology;

import io.gream.engine.topology.BidEngineConfig;
import io.gream.engine.topology.BidEngineTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagram is the description redrawn: every node, store and topic under its real name, every edge. */
class MermaidFlowchartTest {

    @Test
    void drawsASmallTopologyExactly() {
        Topology topology = new Topology();
        topology.addSource("orders-source", Serdes.String().deserializer(), Serdes.String().deserializer(), "orders");
        topology.addProcessor("order-counter", PassThrough::new, "orders-source");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("order-count-store"),
                Serdes.String(), Serdes.Long()), "order-counter");
        topology.addSink("counts-sink", "order-counts", Serdes.String().serializer(), Serdes.String().serializer(),
                "order-counter");

        assertThat(MermaidFlowchart.render(topology.describe())).isEqualTo("""
                flowchart LR
                    topic_orders[/"orders"/]
                    topic_order_counts[/"order-counts"/]
                    store_order_count_store[("order-count-store")]
                    subgraph subtopology_0["Sub-topology 0"]
                        node_orders_source["orders-source<br/><i>source</i>"]
                        node_order_counter["order-counter<br/><i>processor</i>"]
                        node_counts_sink["counts-sink<br/><i>sink</i>"]
                    end
                    topic_orders --> node_orders_source
                    node_orders_source --> node_order_counter
                    node_order_counter <-.-> store_order_count_store
                    node_order_counter --> node_counts_sink
                    node_counts_sink --> topic_order_counts
                """);
    }

    @Test
    void drawsEveryNodeStoreAndTopicOfTheEngineUnderItsRealName() {
        TopologyDescription engine = BidEngineTopology.build(BidEngineConfig.DEFAULT).describe();

        String chart = MermaidFlowchart.render(engine);

        assertThat(chart).contains(
                "\"" + BidEngineTopology.COMMANDS_SOURCE + "<br/><i>source</i>\"",
                "\"" + BidEngineTopology.COMMAND_PROCESSOR + "<br/><i>processor</i>\"",
                "\"" + BidEngineTopology.PARTITION_TICKER + "<br/><i>processor</i>\"",
                "\"" + BidEngineTopology.EVENTS_SINK + "<br/><i>sink</i>\"",
                "\"" + BidEngineTopology.TICKS_SINK + "<br/><i>sink</i>\"",
                "[(\"" + BidEngineTopology.AUCTION_STORE + "\")]",
                "[(\"" + BidEngineTopology.DEADLINE_STORE + "\")]",
                "[(\"" + BidEngineTopology.DECIDED_COMMAND_STORE + "\")]",
                "[/\"gream.auction-commands\"/]",
                "[/\"gream.auction-events\"/]");
    }

    @Test
    void closesTheTickLoopBackIntoTheCommandTopic() {
        String chart = MermaidFlowchart.render(BidEngineTopology.build(BidEngineConfig.DEFAULT).describe());

        assertThat(chart).contains("node_ticks_sink --> topic_gream_auction_commands",
                "topic_gream_auction_commands --> node_auction_commands_source",
                "node_partition_ticker <-.-> store_auction_deadline_store");
    }

    @Test
    void givesDistinctIdsToNamesThatOnlyDifferInPunctuation() {
        Topology topology = new Topology();
        topology.addSource("in-a", Serdes.String().deserializer(), Serdes.String().deserializer(), "t");
        topology.addSource("in_a", Serdes.String().deserializer(), Serdes.String().deserializer(), "u");

        String chart = MermaidFlowchart.render(topology.describe());

        assertThat(chart).contains("node_in_a[\"in-a<br/>", "node_in_a_2[\"in_a<br/>");
    }

    @Test
    void drawsGlobalStoresInTheirOwnGroup() {
        Topology topology = new Topology();
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("brands-store"),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(), "brands-source",
                Serdes.String().deserializer(), Serdes.String().deserializer(), "brands", "brands-loader",
                GlobalLoader::new);

        String chart = MermaidFlowchart.render(topology.describe());

        assertThat(chart).contains("subgraph global_0[\"Global store 0\"]", "topic_brands --> node_brands_source",
                "node_brands_loader <-.-> store_brands_store");
    }

    private static final class GlobalLoader implements Processor<String, String, Void, Void> {
        @Override
        public void process(Record<String, String> record) {
            // Only its place in the topology matters here.
        }
    }

    private static final class PassThrough implements Processor<String, String, String, String> {
        @Override
        public void process(Record<String, String> record) {
            // Only its place in the topology matters here.
        }
    }
}
