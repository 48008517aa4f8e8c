package io.gream.stack;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services' Kafka ACLs as operators apply them: {@code deploy/kafka/acls.txt}, one line per user and resource
 * ({@code user resource pattern name Operation,Operation}), read here so a test grants exactly what
 * {@code deploy/kafka/init.sh} grants.
 */
final class ServiceAcls {

    static final Path FILE = Path.of("..", "deploy", "kafka", "acls.txt").toAbsolutePath().normalize();

    /**
     * The Kafka user of each service (its module, its name in the local stack), as {@code docker-compose.yml} logs
     * it in; its ACLs are the lines naming it.
     */
    static final Map<String, String> USERS = Map.of("bid-engine", "bid-engine", "ingress-api", "ingress",
            "settlement-worker", "settlement-worker", "notifier", "notifier");

    /** One line of the file: what one user may do on one resource (or every resource with a prefix). */
    record Entry(String user, ResourceType resource, PatternType pattern, String name, List<AclOperation> operations) {

        List<AclBinding> bindings() {
            return operations.stream().map(operation -> new AclBinding(new ResourcePattern(resource, name, pattern),
                    new AccessControlEntry(principal(user), "*", operation, AclPermissionType.ALLOW))).toList();
        }
    }

    private final List<Entry> entries;

    private ServiceAcls(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static ServiceAcls read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(FILE)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 5) {
                throw new IllegalArgumentException(FILE + ": not user resource pattern name operations: " + line);
            }
            entries.add(new Entry(fields[0], ResourceType.valueOf(constant(fields[1])),
                    PatternType.valueOf(constant(fields[2])), fields[3],
                    Arrays.stream(fields[4].split(",")).map(op -> AclOperation.valueOf(constant(op))).toList()));
        }
        return new ServiceAcls(entries);
    }

    static String principal(String user) {
        return "User:" + user;
    }

    List<Entry> entries() {
        return entries;
    }

    Set<String> users() {
        Set<String> users = new TreeSet<>();
        entries.forEach(entry -> users.add(entry.user()));
        return users;
    }

    List<AclBinding> bindings() {
        return entries.stream().flatMap(entry -> entry.bindings().stream()).toList();
    }

    /** {@code transactional-id} or {@code DescribeConfigs} as the enum constant Kafka names it. */
    private static String constant(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
