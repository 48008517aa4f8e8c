package io.gream.docs.topics;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.GreamJson;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import io.gream.engine.topology.BidEngineConfig;
import io.gream.engine.topology.BidEngineTopology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated schemas describe what the serde really writes: every payload the engine produced validates against
 * its type's schema (checked by an independent validator, networknt's, with format assertions on), and payloads
 * that break the contract do not.
 */
class ContractSchemasTest {

    private static final SchemaRegistry VALIDATOR = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static List<ContractType> types;
    private static ContractSchemas schemas;
    private static EngineScenario scenario;

    @BeforeAll
    static void generate() {
        types = TopicsPage.allValueTypes(TopicCatalog.entries(
                BidEngineTopology.build(BidEngineConfig.DEFAULT).describe()));
        schemas = new ContractSchemas(types);
        scenario = EngineScenario.run();
    }

    static Stream<ContractType> valueTypes() {
        List<ContractType> all = new ArrayList<>(ContractType.subtypesOf(CommandLogEntry.class));
        all.addAll(ContractType.subtypesOf(AuctionEvent.class));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueTypes")
    void everyPayloadTheEngineProducedIsValidAgainstItsSchema(ContractType type) {
        Schema schema = schemaOf(type);
        List<Object> produced = scenario.records().stream().filter(type.recordClass()::isInstance).toList();

        assertThat(produced).isNotEmpty().allSatisfy(record -> {
            String json = new String(ExamplePayload.write(topicOf(type), record), StandardCharsets.UTF_8);
            assertThat(validate(schema, json)).as(json).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueTypes")
    void requiresTheTypeDiscriminatorAsAConstant(ContractType type) {
        JsonNode schema = GreamJson.mapper().readTree(schemas.schemaOf(type));

        assertThat(schema.at("/properties/type/const").asString()).isEqualTo(type.name());
        assertThat(schema.get("required").valueStream().map(JsonNode::asString)).contains("type");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueTypes")
    void describesExactlyTheRecordsComponentsPlusType(ContractType type) {
        JsonNode schema = GreamJson.mapper().readTree(schemas.schemaOf(type));
        List<String> components = Arrays.stream(type.recordClass().getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(schema.get("properties").propertyNames()).containsExactlyElementsOf(
                Stream.concat(Stream.of("type"), components.stream()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueTypes")
    void theExampleCarriesEveryRequiredProperty(ContractType type) {
        JsonNode schema = GreamJson.mapper().readTree(schemas.schemaOf(type));
        ExamplePayload example = ExamplePayload.of(topicOf(type), type, scenario);

        assertThat(GreamJson.mapper().readTree(example.json()).propertyNames())
                .containsAll(schema.get("required").valueStream().map(JsonNode::asString).toList());
    }

    @Test
    void rejectsAPayloadWhoseTypeNamesAnotherRecord() {
        ObjectNode bid = placeBidJson();
        bid.put("type", "OpenAuction");

        assertThat(validate(schemaOf(type("PlaceBid")), bid.toString()))
                .extracting(Error::getKeyword).contains("const");
    }

    @Test
    void rejectsAPayloadWithoutTheTypeDiscriminator() {
        ObjectNode bid = placeBidJson();
        bid.remove("type");

        assertThat(validate(schemaOf(type("PlaceBid")), bid.toString()))
                .extracting(Error::getKeyword).containsExactly("required");
    }

    @Test
    void rejectsAFractionalAmount() {
        ObjectNode bid = placeBidJson();
        bid.put("amount", 1200.5);

        assertThat(validate(schemaOf(type("PlaceBid")), bid.toString())).isNotEmpty();
    }

    @Test
    void rejectsAnInstantThatIsNotIso8601() {
        ObjectNode closed = (ObjectNode) GreamJson.mapper().readTree(
                ExamplePayload.of(Topics.AUCTION_EVENTS, type("AuctionClosed"), scenario).json());
        closed.put("at", "22/11/2026 11:01");

        assertThat(validate(schemaOf(type("AuctionClosed")), closed.toString()))
                .extracting(Error::getKeyword).containsExactly("format");
    }

    @Test
    void acceptsPropertiesItDoesNotKnowSinceSchemasEvolveByAddingOptionalFields() {
        ObjectNode bid = placeBidJson();
        bid.put("clientHint", "mobile");

        assertThat(validate(schemaOf(type("PlaceBid")), bid.toString())).isEmpty();
    }

    @Test
    void leavesBoxedNumbersAndDocumentedOptionalTextOutOfRequired() {
        JsonNode closed = GreamJson.mapper().readTree(schemas.schemaOf(type("AuctionClosed")));

        assertThat(closed.get("required").valueStream().map(JsonNode::asString))
                .doesNotContain("commandId", "winnerId", "price")
                .contains("eventId", "seq", "at", "outcome", "bidCount");
    }

    @Test
    void everyOptionalTextPropertyStillExistsInTheContracts() {
        for (Map.Entry<Class<?>, Set<String>> optional : OptionalProperties.OPTIONAL_TEXT.entrySet()) {
            Map<String, Class<?>> components = new HashMap<>();
            for (RecordComponent component : optional.getKey().getRecordComponents()) {
                components.put(component.getName(), component.getType());
            }
            assertThat(optional.getValue()).allSatisfy(name ->
                    assertThat(components).as(optional.getKey().getSimpleName()).containsEntry(name, String.class));
        }
    }

    private static Schema schemaOf(ContractType type) {
        return VALIDATOR.getSchema(schemas.schemaOf(type), InputFormat.JSON);
    }

    private static List<Error> validate(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    private static ObjectNode placeBidJson() {
        return (ObjectNode) GreamJson.mapper().readTree(Topics.AUCTION_COMMANDS.valueSerde().serializer()
                .serialize(Topics.AUCTION_COMMANDS.name(), new PlaceBid("cmd-1", "auction-1", "bidder-1", 1_200)));
    }

    private static Topic<?, ?> topicOf(ContractType type) {
        return CommandLogEntry.class.isAssignableFrom(type.recordClass()) ? Topics.AUCTION_COMMANDS
                : Topics.AUCTION_EVENTS;
    }

    private static ContractType type(String name) {
        return types.stream().filter(type -> type.name().equals(name)).findFirst().orElseThrow();
    }
}
