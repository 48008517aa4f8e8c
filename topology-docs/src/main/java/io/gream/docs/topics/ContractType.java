package io.gream.docs.topics;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Arrays;
import java.util.List;

/**
 * One value type of a topic as it appears on the wire: the {@code type} discriminator and the contract record it
 * names.
 *
 * <p>Read from the {@code @JsonSubTypes} of the topic's value type, the same annotation the serde resolves
 * {@code type} with, so the catalog cannot list a name the serde would not accept.
 */
public record ContractType(String name, Class<?> recordClass) {

    /** The discriminator property every Gream value carries. */
    public static final String DISCRIMINATOR = "type";

    /** The types a polymorphic contract root (e.g. {@code AuctionEvent}) may be, in declaration order. */
    public static List<ContractType> subtypesOf(Class<?> root) {
        JsonTypeInfo typeInfo = root.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes subTypes = root.getAnnotation(JsonSubTypes.class);
        if (typeInfo == null || subTypes == null || !DISCRIMINATOR.equals(typeInfo.property())
                || typeInfo.include() != JsonTypeInfo.As.PROPERTY) {
            throw new IllegalArgumentException(root.getName() + " is not a contract root with a \""
                    + DISCRIMINATOR + "\" property");
        }
        return Arrays.stream(subTypes.value())
                .map(subtype -> new ContractType(subtype.name(), subtype.value()))
                .toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
