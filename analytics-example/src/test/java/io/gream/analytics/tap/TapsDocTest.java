package io.gream.analytics.tap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java snippet in {@code docs/taps.md} is the code of {@link AuctionEventTap} between its {@code tap:} markers,
 * so the documented tap is one that compiles against the real contracts and Kafka client.
 */
class TapsDocTest {

    @Test
    void theDocumentedSnippetIsTheCompiledTap() throws IOException {
        Path docs = Path.of(System.getProperty("gream.docs.dir", "../docs"));
        Path source = Path.of("src/main/java/io/gream/analytics/tap/AuctionEventTap.java");

        String snippet = between(Files.readAllLines(source, StandardCharsets.UTF_8), "// tap:start", "// tap:end");
        String doc = Files.readString(docs.resolve("taps.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");

        assertThat(doc).withFailMessage("docs/taps.md must contain, verbatim, the code of AuctionEventTap between"
                + " its tap: markers (indentation removed):%n%s", snippet).contains(snippet);
    }

    /** The lines between the markers, with their common indentation removed. */
    private static String between(List<String> lines, String start, String end) {
        int from = indexOf(lines, start) + 1;
        int to = indexOf(lines, end);
        List<String> body = lines.subList(from, to);
        int indent = body.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder snippet = new StringBuilder();
        body.forEach(line -> snippet.append(line.isBlank() ? "" : line.substring(indent)).append('\n'));
        return snippet.toString();
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + marker + " marker in AuctionEventTap");
    }
}
