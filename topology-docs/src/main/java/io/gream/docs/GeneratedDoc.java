package io.gream.docs;

/**
 * A generated file under {@code docs/}.
 *
 * @param fileName its name inside {@code docs/}
 * @param content  its full text, {@code \n} line endings
 */
public record GeneratedDoc(String fileName, String content) {
}
