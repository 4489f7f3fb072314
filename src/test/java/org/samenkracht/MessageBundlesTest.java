package org.samenkracht;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Dutch first, English second: every message exists in both languages. */
class MessageBundlesTest {

    static final Path BUNDLES = Path.of("src/main/resources/messages");

    @Test
    void every_dutch_message_has_an_english_one_and_back() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path dutch : files.filter(f -> f.getFileName().toString().matches("[a-z]+\\.properties")).toList()) {
                Path english = dutch.resolveSibling(dutch.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(english).as("English bundle for " + dutch).exists();
                Set<String> nl = keys(dutch);
                Set<String> en = keys(english);
                for (String k : nl) {
                    if (!en.contains(k)) problems.add(english.getFileName() + " lacks " + k);
                }
                for (String k : en) {
                    if (!nl.contains(k)) problems.add(dutch.getFileName() + " lacks " + k);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void no_key_is_defined_in_two_bundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("[a-z]+\\.properties")).sorted().toList()) {
                for (String k : keys(f)) {
                    if (!seen.add(k)) twice.add(k + " (again in " + f.getFileName() + ")");
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
