package io.gream.docs.topics;

import io.gream.docs.topics.TopicEntry.Party;
import org.apache.kafka.streams.TopologyDescription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/topics.md}: the topic catalog, a generated JSON Schema for every command and event type, and
 * a real example payload of each.
 *
 * <p>It only formats; the facts come from {@link TopicCatalog}, the schemas from {@link ContractSchemas} and the
 * examples from a run of the real engine ({@link EngineScenario}).
 */
public final class TopicsPage {

    private TopicsPage() {
    }

    /**
     * @param engine          the description of the bid-engine topology, for the nodes that read and write each topic
     * @param generatedNotice the header that says the file is generated and how to refresh it
     */
    public static String render(TopologyDescription engine, String generatedNotice) {
        List<TopicEntry> entries = TopicCatalog.entries(engine);
        ContractSchemas schemas = new ContractSchemas(allValueTypes(entries));
        EngineScenario scenario = EngineScenario.run();

        StringBuilder page = new StringBuilder();
        page.append("# Gream topics\n\n").append(generatedNotice).append("\n\n");
        page.append("""
                Every `gream.*` topic: what it carries, how it is configured, who writes and who reads it, and the \
                JSON Schema of every value type with a real example. Values are JSON objects with a `type` \
                discriminator; absent optional fields are left out, never written as `null`. Readers must ignore \
                properties they do not know: schemas evolve only by adding optional fields.

                Partitions: %d by default (`gream.engine.topics.partitions`), fixed once a topic exists, since the \
                partition of an auction's records follows from its key. Replication factor 3 and \
                `min.insync.replicas=2` in a cluster, 1 on a single local broker. The services named below that are \
                not in this repository yet (notifier) are listed with the role the \
                design gives them.

                """.formatted(TopicCatalog.DEFAULT_PARTITIONS));
        page.append("| topic | status | key | values | partitions | timestamp | written by | read by |\n");
        page.append("|---|---|---|---|---|---|---|---|\n");
        for (TopicEntry entry : entries) {
            page.append("| `").append(entry.name()).append("` | ").append(entry.status()).append(" | ")
                    .append(entry.key()).append(" | ").append(entry.values()).append(" | ")
                    .append(TopicCatalog.DEFAULT_PARTITIONS).append(" | `").append(entry.timestampType())
                    .append("` | ").append(names(entry.writers())).append(" | ").append(names(entry.readers()))
                    .append(" |\n");
        }
        for (TopicEntry entry : entries) {
            page.append('\n');
            renderTopic(page, entry, schemas, scenario);
        }
        return page.toString();
    }

    private static void renderTopic(StringBuilder page, TopicEntry entry, ContractSchemas schemas,
                                    EngineScenario scenario) {
        page.append("## ").append(entry.name()).append("\n\n");
        page.append("- **Status:** ").append(entry.status()).append('\n');
        page.append("- **Key:** ").append(entry.key()).append('\n');
        page.append("- **Values:** ").append(entry.values()).append('\n');
        page.append("- **Partitions:** ").append(TopicCatalog.DEFAULT_PARTITIONS).append('\n');
        page.append("- **Timestamp:** `").append(entry.timestampType()).append("`, ")
                .append(entry.timestampMeaning()).append('\n');
        page.append("- **Retention:** ").append(entry.retention()).append('\n');
        entry.topic().filter(topic -> !topic.configs().isEmpty()).ifPresent(topic -> page
                .append("- **Required configs** (from `Topics`, enforced where the topic is created): ")
                .append(configs(topic.configs())).append('\n'));
        page.append("- **Written by:**\n");
        entry.writers().forEach(party -> page.append("  - **").append(party.who()).append("**: ")
                .append(party.what()).append('\n'));
        page.append("- **Read by:**\n");
        entry.readers().forEach(party -> page.append("  - **").append(party.who()).append("**: ")
                .append(party.what()).append('\n'));
        if (!entry.notes().isEmpty()) {
            page.append('\n');
            entry.notes().forEach(note -> page.append("- ").append(note).append('\n'));
        }
        for (ContractType type : entry.valueTypes()) {
            ExamplePayload example = ExamplePayload.of(entry.topic().orElseThrow(), type, scenario);
            page.append("\n### ").append(type.name()).append("\n\n");
            page.append("Schema (JSON Schema 2020-12, generated from `").append(type.recordClass().getName())
                    .append("`):\n\n");
            page.append("```json\n").append(schemas.schemaOf(type)).append("\n```\n\n");
            page.append("Example, as the topic's serde writes it (indented here):\n\n");
            page.append("```json\n").append(example.indented()).append("\n```\n");
        }
    }

    static List<ContractType> allValueTypes(Collection<TopicEntry> entries) {
        List<ContractType> types = new ArrayList<>();
        entries.forEach(entry -> types.addAll(entry.valueTypes()));
        return types;
    }

    private static String names(List<Party> parties) {
        return parties.stream().map(Party::who).collect(Collectors.joining(", "));
    }

    private static String configs(Map<String, String> configs) {
        return configs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(config -> "`" + config.getKey() + "=" + config.getValue() + "`")
                .collect(Collectors.joining(", "));
    }
}
