package org.samenkracht.readers;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Dutch texts organised by reader: a key with {@code .forPerson.} speaks to the person about
 * their own file ("u", "uw"), {@code .forMember.} to a network member about their own part ("je"),
 * {@code .forTeam.} to professionals, coaches and administrators about the person. A text of one
 * reader seen by another is a text for the wrong reader.
 */
final class ReaderTexts {

    enum Reader {
        PERSON(".forPerson."), MEMBER(".forMember."), TEAM(".forTeam.");

        final String segment;

        Reader(String segment) {
            this.segment = segment;
        }
    }

    /** Parts of a text shorter than this are too common to tell a reader by. */
    static final int SIGNIFICANT = 24;

    private final Map<Reader, Set<String>> chunks;
    private final Set<String> shared;

    private ReaderTexts(Map<Reader, Set<String>> chunks, Set<String> shared) {
        this.chunks = chunks;
        this.shared = shared;
    }

    static ReaderTexts load() throws IOException {
        Map<Reader, Set<String>> chunks = new EnumMap<>(Reader.class);
        for (Reader r : Reader.values()) {
            chunks.put(r, new HashSet<>());
        }
        Set<String> shared = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("[a-z]+\\.properties")).toList()) {
                Properties p = new Properties();
                try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                for (String key : p.stringPropertyNames()) {
                    Reader owner = null;
                    for (Reader r : Reader.values()) {
                        if (key.contains(r.segment)) {
                            owner = r;
                        }
                    }
                    (owner == null ? shared : chunks.get(owner)).addAll(chunksOf(p.getProperty(key)));
                }
            }
        }
        return new ReaderTexts(chunks, shared);
    }

    /** The literal parts of a message (between its placeholders) long enough to recognise. */
    static List<String> chunksOf(String message) {
        List<String> out = new ArrayList<>();
        for (String part : message.replace("''", "'").split("\\{[0-9][^}]*}")) {
            String t = part.strip().replaceAll("\\s+", " ");
            if (t.length() >= SIGNIFICANT) {
                out.add(t);
            }
        }
        return out;
    }

    /** Texts in {@code pageText} that are meant for another reader than {@code reader}. */
    List<String> foreignTo(Reader reader, String pageText) {
        String text = pageText.replaceAll("\\s+", " ");
        List<String> found = new ArrayList<>();
        for (Reader other : Reader.values()) {
            if (other == reader) {
                continue;
            }
            for (String chunk : chunks.get(other)) {
                if (text.contains(chunk) && !chunks.get(reader).contains(chunk) && !shared.contains(chunk)) {
                    found.add(chunk);
                }
            }
        }
        return found;
    }
}
