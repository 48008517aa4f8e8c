package io.gream.childjvm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceJvmTest {

    @TempDir
    Path dir;

    @Test
    void aServiceRunningElsewhereHasAUrlButNoMeasuredMemoryOrState() {
        ServiceJvm service = ServiceJvm.existing("bid-engine", "http://localhost:8081");

        assertThat(service.url()).isEqualTo("http://localhost:8081");
        assertThat(service.rssBytes()).isEqualTo(-1);
        assertThat(service.stateBytes()).isEqualTo(-1);
        service.close();
    }

    @Test
    void theStateSizeCountsEveryFileUnderTheStateDirectory() throws IOException {
        Files.write(Files.createDirectories(dir.resolve("state/0_1")).resolve("a.sst"), new byte[1000]);
        Files.write(dir.resolve("state/checkpoint"), new byte[24]);

        assertThat(new ServiceJvm("bid-engine", "http://localhost:1", null, dir.resolve("state")).stateBytes())
                .isEqualTo(1024);
    }

    @Test
    void portsChosenTogetherAreDistinct() {
        assertThat(java.util.Arrays.stream(Ports.free(20)).distinct().count()).isEqualTo(20);
    }

    @Test
    void aFreePortCanBeBound() throws IOException {
        try (ServerSocket socket = new ServerSocket(Ports.free())) {
            assertThat(socket.isBound()).isTrue();
        }
    }
}
