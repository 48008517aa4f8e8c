package io.gream.stack;

import io.gream.stack.service.GreamServices;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSettingsTest {

    @Test
    void withoutFlagsOrEnvironmentEverythingHasItsDocumentedDefault() {
        StackSettings settings = StackSettings.parse(new String[0], Map.of(), GreamServices.ALL);

        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.partitions()).isEqualTo(12);
        assertThat(settings.servicePorts()).containsEntry("bid-engine", 8081).containsEntry("ingress-api", 8080);
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        StackSettings settings = StackSettings.parse(new String[]{"--ingress-port=9000", "--data-dir=/srv/gream"},
                Map.of("GREAM_INGRESS_PORT", "7000", "GREAM_ENGINE_PORT", "7001", "GREAM_PARTITIONS", "4"),
                GreamServices.ALL);

        assertThat(settings.servicePorts()).containsEntry("ingress-api", 9000).containsEntry("bid-engine", 7001);
        assertThat(settings.partitions()).isEqualTo(4);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/gream"));
    }

    @Test
    void anUnknownFlagOrABadNumberIsAnErrorNotASilentDefault() {
        assertThatThrownBy(() -> StackSettings.parse(new String[]{"--ingres-port=9000"}, Map.of(), GreamServices.ALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ingres-port");
        assertThatThrownBy(() -> StackSettings.parse(new String[0], Map.of("GREAM_KAFKA_PORT", "70000"),
                GreamServices.ALL)).hasMessageContaining("kafka-port");
        assertThatThrownBy(() -> StackSettings.parse(new String[]{"--partitions=0"}, Map.of(), GreamServices.ALL))
                .hasMessageContaining("partitions");
    }

    @Test
    void aPortGivenToTwoComponentsIsReportedBeforeAnythingStarts() {
        StackSettings settings = StackSettings.parse(new String[]{"--engine-port=9092"}, Map.of(), GreamServices.ALL);

        assertThat(PortCheck.problems(settings.namedPorts()))
                .contains("port 9092 is given to both kafka (--kafka-port) and bid-engine (--engine-port)");
    }
}
