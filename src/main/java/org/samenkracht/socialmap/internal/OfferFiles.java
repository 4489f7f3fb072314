package org.samenkracht.socialmap.internal;

import org.samenkracht.socialmap.OfferData;
import org.samenkracht.socialmap.OfferRow;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two file formats of the social map, CSV (RFC 4180, comma or semicolon, UTF-8, a header row
 * naming the columns of {@link OfferRow#COLUMNS}) and JSON (an array of objects with the same names,
 * lists as arrays, locations as objects). Reading keeps each row's line number for the report.
 */
public final class OfferFiles {

    /** A row as read, with the line it starts on. */
    public record RawRow(int line, Map<String, String> fields) {
    }

    /** The file as a whole cannot be read; nothing is imported. The key is {@code socialmap.import.file.<key>}. */
    public static class Unreadable extends RuntimeException {
        private final String key;
        private final int line;

        public Unreadable(String key, int line) {
            super(key + " at line " + line);
            this.key = key;
            this.line = line;
        }

        public String key() {
            return key;
        }

        public int line() {
            return line;
        }
    }

    static final Set<String> LIST_COLUMNS = Set.of("domains", "target_groups", "locations", "working_area", "languages",
            "accessibility");
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private OfferFiles() {
    }

    // ------------------------------------------------------------------ CSV

    /**
     * Reads an RFC 4180 file (commons-csv): comma or, from a spreadsheet, semicolon; quoted fields may span
     * lines; each row keeps the line it starts on. A cell that our export neutralised ({@code '=…}) is read back.
     */
    public static List<RawRow> readCsv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new Unreadable("empty", 1);
        }
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char sep = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sep).setIgnoreEmptyLines(false).get();
        List<RawRow> rows = new ArrayList<>();
        List<String> header = null;
        Map<String, Integer> columns = null;
        long endOfLast = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            var records = parser.iterator();
            while (true) {
                int startLine = (int) endOfLast + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new Unreadable("unclosedQuote", startLine);
                }
                endOfLast = parser.getCurrentLineNumber();
                List<String> fields = record.toList();
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = fields.stream().map(h -> h.trim().toLowerCase()).toList();
                    for (String required : List.of("external_key", "name")) {
                        if (!header.contains(required)) {
                            throw new Unreadable("header", 1);
                        }
                    }
                    columns = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        columns.put(header.get(i), i);  // a name given twice: the last column counts
                    }
                    continue;
                }
                if (fields.size() == header.size()) {
                    rows.add(new RawRow(startLine, new CsvFields(columns, record.values())));
                    continue;
                }
                Map<String, String> map = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < fields.size(); i++) {
                    map.put(header.get(i), unguard(fields.get(i)));
                }
                map.put("_columns", String.valueOf(fields.size()));
                rows.add(new RawRow(startLine, map));
            }
        } catch (IOException e) {
            throw new Unreadable("unclosedQuote", (int) endOfLast + 1);
        }
        if (header == null) {
            throw new Unreadable("empty", 1);
        }
        return rows;
    }

    /**
     * The fields of a CSV row with as many cells as the header, by column name, over the row's own array (one
     * shared index for the file instead of a map per row); the spreadsheet guard is undone as a field is read.
     */
    private static final class CsvFields extends AbstractMap<String, String> {
        private final Map<String, Integer> columns;
        private final String[] values;

        CsvFields(Map<String, Integer> columns, String[] values) {
            this.columns = columns;
            this.values = values;
        }

        @Override
        public String get(Object key) {
            Integer i = columns.get(key);
            return i == null ? null : unguard(values[i]);
        }

        @Override
        public boolean containsKey(Object key) {
            return columns.containsKey(key);
        }

        @Override
        public int size() {
            return columns.size();
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Set<Entry<String, String>> entries = new java.util.LinkedHashSet<>();
            columns.forEach((name, i) -> entries.add(new SimpleImmutableEntry<>(name, unguard(values[i]))));
            return entries;
        }
    }

    /** Undoes the spreadsheet guard of our own export ({@code '=…}, {@code '+…}, {@code '-…}, {@code '@…}). */
    static String unguard(String v) {
        return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
    }

    private static final CSVFormat EXPORT = CSVFormat.RFC4180.builder().get();

    public static void writeCsvHeader(Writer out) throws IOException {
        EXPORT.printRecord(out, (Object[]) OfferRow.COLUMNS.toArray(String[]::new));
    }

    public static void writeCsv(Writer out, OfferData offer) throws IOException {
        EXPORT.printRecord(out, OfferRow.valuesOf(offer).stream().map(OfferFiles::guard).toArray());
    }

    /**
     * A cell that starts with = + - or @ would run as a formula when a spreadsheet opens the file: it gets an
     * apostrophe in front (numbers such as -2.5 stay as they are); quoting is left to commons-csv.
     */
    static String guard(String v) {
        return !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?") ? "'" + v : v;
    }

    // ------------------------------------------------------------------ JSON

    public static List<RawRow> readJson(byte[] content) {
        List<RawRow> rows = new ArrayList<>();
        try (JsonParser p = JSON.createParser(content)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new Unreadable("notAnArray", 1);
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new Unreadable("truncated", p.currentLocation().getLineNr());
                }
                int line = p.currentTokenLocation().getLineNr();
                JsonNode node = JSON.readTree(p);
                Map<String, String> map = new LinkedHashMap<>();
                if (node.isObject()) {
                    for (Map.Entry<String, JsonNode> e : node.properties()) {
                        map.put(e.getKey(), text(e.getValue()));
                    }
                } else {
                    map.put("_notAnObject", "true");
                }
                rows.add(new RawRow(line, map));
            }
        } catch (JacksonException e) {
            throw new Unreadable("json", e.getLocation() == null ? 1 : e.getLocation().getLineNr());
        }
        return rows;
    }

    /** The text fields of one JSON object (as the API receives an offer). */
    public static Map<String, String> fieldsOf(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), text(e.getValue()));
            }
        }
        return map;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : v.values()) {
                if (e.isObject()) {
                    parts.add(e.path("address").asString("") + "@" + e.path("latitude").asString("") + ";"
                            + e.path("longitude").asString(""));
                } else {
                    parts.add(text(e));
                }
            }
            return String.join("|", parts);
        }
        if (v.isObject()) {
            return v.toString();
        }
        return v.asString();
    }

    public static JsonGenerator jsonWriter(OutputStream out) {
        return JSON.createGenerator(out);
    }

    public static void writeJson(JsonGenerator g, OfferData offer) {
        List<String> values = OfferRow.valuesOf(offer);
        g.writeStartObject();
        for (int i = 0; i < OfferRow.COLUMNS.size(); i++) {
            String column = OfferRow.COLUMNS.get(i);
            String value = values.get(i);
            g.writeName(column);
            switch (column) {
                case "locations" -> {
                    g.writeStartArray();
                    for (OfferData.Location l : offer.locations()) {
                        g.writeStartObject();
                        g.writeStringProperty("address", l.address());
                        g.writeNumberProperty("latitude", l.latitude());
                        g.writeNumberProperty("longitude", l.longitude());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                case "cost_eur" -> g.writeNumber(offer.costEur());
                case "waiting_weeks" -> g.writeNumber(offer.waitingWeeks());
                case "free_capacity" -> {
                    if (offer.freeCapacity() == null) {
                        g.writeNull();
                    } else {
                        g.writeNumber(offer.freeCapacity());
                    }
                }
                case "reduction_possible" -> g.writeBoolean(offer.reductionPossible());
                default -> {
                    if (LIST_COLUMNS.contains(column)) {
                        g.writeStartArray();
                        for (String part : value.isEmpty() ? new String[0] : value.split("\\|")) {
                            g.writeString(part);
                        }
                        g.writeEndArray();
                    } else {
                        g.writeString(value);
                    }
                }
            }
        }
        g.writeEndObject();
    }
}
