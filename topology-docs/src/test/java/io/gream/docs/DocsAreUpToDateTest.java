package io.gream.docs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed generated docs are exactly what the code generates now. When this fails, the code changed and the
 * docs did not: run {@link DocsGenerator#REFRESH_COMMAND} and commit the result.
 */
class DocsAreUpToDateTest {

    private static List<GeneratedDoc> generated;

    @BeforeAll
    static void generate() {
        generated = DocsGenerator.generate();
    }

    @TestFactory
    Stream<DynamicTest> committedDocsMatchWhatTheCodeGenerates() {
        Path docs = Path.of(System.getProperty("gream.docs.dir", "../docs"));
        return generated.stream().map(doc -> DynamicTest.dynamicTest("docs/" + doc.fileName() + " is up to date",
                () -> {
                    Path file = docs.resolve(doc.fileName());
                    assertThat(file).withFailMessage("docs/%s does not exist. Generate it with:%n  %s",
                            doc.fileName(), DocsGenerator.REFRESH_COMMAND).exists();
                    String committed = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
                    assertThat(committed).withFailMessage(() -> staleMessage(doc, committed))
                            .isEqualTo(doc.content());
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyGeneratedDocSaysHowToRefreshIt() {
        return generated.stream().map(doc -> DynamicTest.dynamicTest(doc.fileName(),
                () -> assertThat(doc.content().lines().limit(6))
                        .anySatisfy(line -> assertThat(line).contains(DocsGenerator.REFRESH_COMMAND))));
    }

    @TestFactory
    Stream<DynamicTest> generationIsRepeatable() {
        List<GeneratedDoc> again = DocsGenerator.generate();
        return generated.stream().map(doc -> DynamicTest.dynamicTest(doc.fileName(),
                () -> assertThat(again).contains(doc)));
    }

    private static String staleMessage(GeneratedDoc doc, String committed) {
        List<String> want = doc.content().lines().toList();
        List<String> have = committed.lines().toList();
        int line = 0;
        while (line < want.size() && line < have.size() && want.get(line).equals(have.get(line))) {
            line++;
        }
        return String.format("docs/%s is out of date with the code (first difference at line %d):%n"
                        + "  committed: %s%n  generated: %s%nRefresh it with:%n  %s%nand commit the result.",
                doc.fileName(), line + 1, line < have.size() ? have.get(line) : "<end of file>",
                line < want.size() ? want.get(line) : "<end of file>", DocsGenerator.REFRESH_COMMAND);
    }
}
