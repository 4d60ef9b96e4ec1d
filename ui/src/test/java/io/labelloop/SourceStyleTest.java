package io.labelloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** What a reader trips on across the production sources of every module, checked on the source text. */
class SourceStyleTest {

    /** The production source roots, from the ui module's directory. */
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("../src/main/java"),
            Path.of("../model-runtime/src/main/java"));
    /** A package path followed by a class name, not preceded by a dot, a letter or a quote. */
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![.\\w\"])(?:java|javax|jakarta|org|com|io)\\.(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*");

    @Test
    void productionCodeImportsTheClassesItUsesInsteadOfNamingThemInline() throws IOException {
        List<String> inline = new ArrayList<>();
        for (Path root : ROOTS) {
            assertThat(root).as("source root").isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String at = file + ":" + (i + 1) + " ";
                        inlineName(lines.get(i)).ifPresent(name -> inline.add(at + name));
                    }
                }
            }
        }
        assertThat(inline).as("inline fully qualified names (import them)").isEmpty();
    }

    @Test
    void theCheckFindsAnInlineNameAndLeavesImportsCommentsAndStringsAlone() {
        assertThat(inlineName("        java.util.List<String> all = new java.util.ArrayList<>();"))
                .contains("java.util.List");
        assertThat(inlineName("import java.util.List;")).isEmpty();
        assertThat(inlineName("     * {@link java.util.List}")).isEmpty();
        assertThat(inlineName("        String s = \"see java.util.List\";")).isEmpty();
    }

    /** The first inline qualified class name of a code line, if any. */
    private static Optional<String> inlineName(String line) {
        String code = line.strip();
        if (code.startsWith("import ") || code.startsWith("package ") || code.startsWith("*") || code.startsWith("/*")
                || code.startsWith("//") || code.startsWith("@see")) {
            return Optional.empty();
        }
        Matcher m = QUALIFIED.matcher(line);
        while (m.find()) {
            String before = line.substring(0, m.start());
            boolean inString = before.chars().filter(c -> c == '"').count() % 2 == 1;
            boolean inComment = before.contains("//") || before.contains("{@link") || before.contains("{@code");
            if (!inString && !inComment) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }
}
