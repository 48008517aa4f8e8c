package io.gream.docs.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaKeyword;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.TypeScope;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generates the JSON Schema (draft 2020-12) of each contract record from the record itself, with victools'
 * jsonschema-generator, so the published schema cannot disagree with the class the serde reads.
 *
 * <p>What the generator does not know from the class alone is added here from the contracts' own conventions: the
 * {@code type} discriminator (from the root's {@code @JsonSubTypes}) as a required {@code const}, which properties
 * may be absent ({@link OptionalProperties}), and property order (record component order, which is also the order
 * the serde writes). Unknown properties stay allowed: readers ignore them, since schemas evolve by adding optional
 * fields. Nothing may be {@code null}: the serde leaves absent values out.
 *
 * <p>The generator is built on Jackson 2 internally; its output is handed on as text, so none of that leaks into
 * the rest of the build.
 */
final class ContractSchemas {

    private final Map<Class<?>, String> discriminators;
    private final SchemaGenerator generator;

    ContractSchemas(Collection<ContractType> types) {
        this.discriminators = types.stream()
                .collect(Collectors.toUnmodifiableMap(ContractType::recordClass, ContractType::name));
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                // The discriminator is added below for every type alike; the module's own transform would wrap only
                // the records that implement the annotated root directly (Tick) in an allOf.
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.IGNORE_TYPE_INFO_TRANSFORM))
                // int64 on every long (money is a long in minor units), date-time on instants, date on dates
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES);
        config.forFields().withRequiredCheck(field -> !OptionalProperties.isOptional(
                field.getDeclaringType().getErasedType(), field.getName(), field.getType().getErasedType()));
        config.forTypesInGeneral()
                .withPropertySorter(Comparator.comparingInt(ContractSchemas::componentIndex))
                .withTitleResolver(scope -> discriminators.get(scope.getType().getErasedType()))
                .withTypeAttributeOverride(this::addDiscriminator);
        this.generator = new SchemaGenerator(config.build());
    }

    /** The schema of one contract type, indented, as it is published in the topic catalog. */
    String schemaOf(ContractType type) {
        if (!discriminators.containsKey(type.recordClass())) {
            throw new IllegalArgumentException("not a catalogued contract type: " + type);
        }
        return generator.generateSchema(type.recordClass()).toPrettyString();
    }

    private void addDiscriminator(ObjectNode schema, TypeScope scope, SchemaGenerationContext context) {
        String name = discriminators.get(scope.getType().getErasedType());
        if (name == null) {
            return;
        }
        String propertiesKeyword = context.getKeyword(SchemaKeyword.TAG_PROPERTIES);
        ObjectNode discriminator = schema.objectNode()
                .put(context.getKeyword(SchemaKeyword.TAG_TYPE), context.getKeyword(SchemaKeyword.TAG_TYPE_STRING))
                .put(context.getKeyword(SchemaKeyword.TAG_CONST), name);
        // The discriminator goes first, as the serde writes it first.
        ObjectNode properties = schema.objectNode().set(ContractType.DISCRIMINATOR, discriminator);
        JsonNode existing = schema.get(propertiesKeyword);
        if (existing instanceof ObjectNode declared) {
            properties.setAll(declared);
        }
        schema.set(propertiesKeyword, properties);

        String requiredKeyword = context.getKeyword(SchemaKeyword.TAG_REQUIRED);
        ArrayNode required = schema.has(requiredKeyword) ? (ArrayNode) schema.get(requiredKeyword)
                : schema.putArray(requiredKeyword);
        required.insert(0, ContractType.DISCRIMINATOR);
    }

    /** Position of a record component, so properties keep declaration order; members of non-records go last. */
    private static int componentIndex(MemberScope<?, ?> member) {
        Class<?> declaring = member.getDeclaringType().getErasedType();
        if (!declaring.isRecord()) {
            return Integer.MAX_VALUE;
        }
        List<String> names = Arrays.stream(declaring.getRecordComponents()).map(RecordComponent::getName).toList();
        int index = names.indexOf(member.getName());
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
