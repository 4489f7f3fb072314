package org.samenkracht.exploration.internal;

import org.samenkracht.exploration.Instrument;
import org.samenkracht.exploration.Instrument.Item;
import org.samenkracht.exploration.Instrument.ItemType;
import org.samenkracht.exploration.Instrument.Option;
import org.samenkracht.exploration.Instrument.Text;
import org.samenkracht.exploration.InvalidInstrumentDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one Questionnaire-shaped definition and checks it thoroughly: every fault is reported with
 * the file and where in it, so a broken definition stops the start-up with a message a maintainer can act on.
 */
public final class InstrumentParser {

    static final String SK = "https://samenkracht.org/fhir/StructureDefinition/";
    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    /** Groups coded in this system name one of the shared life domains ({@code org.samenkracht.vocabulary.LifeDomain}). */
    static final String QOL_DOMAIN = "https://samenkracht.org/fhir/CodeSystem/qol-domain";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String file;
    private final Set<String> linkIds = new HashSet<>();

    private InstrumentParser(String file) {
        this.file = file;
    }

    public static Instrument parse(String file, String json) {
        return new InstrumentParser(file).parse(json);
    }

    private Instrument parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw fault("not readable JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw fault("not a JSON object");
        }
        if (!"Questionnaire".equals(root.path("resourceType").asString(""))) {
            throw fault("resourceType must be \"Questionnaire\"");
        }
        String id = required(root, "id", "");
        if (!id.matches("[a-z0-9-]{1,60}")) {
            throw fault("id \"" + id + "\" must be 1-60 lower-case letters, digits or '-'");
        }
        String version = required(root, "version", "");
        if (!version.matches("[0-9A-Za-z.]{1,20}")) {
            throw fault("version \"" + version + "\" is not a simple version");
        }
        String expected = id + ".v" + version + ".json";
        if (!file.endsWith(expected)) {
            throw fault("file name must be " + expected + " (id and version)");
        }
        if (!"active".equals(root.path("status").asString(""))) {
            throw fault("status must be \"active\"");
        }
        Text title = translated(root, "title", "");
        Text description = translated(root, "description", "");
        String respondentCode = extensionCode(root, SK + "respondent");
        if (respondentCode == null) {
            throw fault("missing the respondent extension (team, person or other)");
        }
        Instrument.Respondent respondent = switch (respondentCode) {
            case "team" -> Instrument.Respondent.TEAM;
            case "person" -> Instrument.Respondent.PERSON;
            case "other" -> Instrument.Respondent.OTHER;
            default -> throw fault("respondent must be team, person or other");
        };
        JsonNode items = root.path("item");
        if (!items.isArray() || items.isEmpty()) {
            throw fault("has no items");
        }
        return new Instrument(id, version, title, description, respondent, items(items, "item"), file);
    }

    private List<Item> items(JsonNode array, String path) {
        List<Item> out = new ArrayList<>();
        int n = 0;
        for (JsonNode node : array.values()) {
            out.add(item(node, path + "[" + n++ + "]"));
        }
        return out;
    }

    private Item item(JsonNode node, String path) {
        String linkId = required(node, "linkId", path);
        String where = path + " (" + linkId + ")";
        if (!linkIds.add(linkId)) {
            throw fault(where + ": linkId is used twice");
        }
        Text text = translated(node, "text", where);
        String typeName = required(node, "type", where);
        ItemType type = switch (typeName) {
            case "group" -> ItemType.GROUP;
            case "text", "string" -> ItemType.TEXT;
            case "integer" -> ItemType.INTEGER;
            default -> throw fault(where + ": type \"" + typeName + "\" is not supported (group, text, string, integer)");
        };
        boolean required = node.path("required").asBoolean(false);
        String domain = node.path("code").path(0).path("code").asString(null);
        if (domain != null && QOL_DOMAIN.equals(node.path("code").path(0).path("system").asString(null))) {
            try {
                domain = org.samenkracht.vocabulary.LifeDomain.valueOf(domain).name();
            } catch (IllegalArgumentException e) {
                throw fault(where + ": quality-of-life domain \"" + domain + "\" is not one of the life domains "
                        + java.util.Arrays.toString(org.samenkracht.vocabulary.LifeDomain.values()));
            }
        }
        List<Item> children = List.of();
        if (type == ItemType.GROUP) {
            if (!node.path("item").isArray() || node.path("item").isEmpty()) {
                throw fault(where + ": a group needs items");
            }
            children = items(node.path("item"), where + ".item");
        } else if (node.has("item")) {
            throw fault(where + ": only a group can contain items");
        }
        Integer maxLength = null;
        if (type == ItemType.TEXT) {
            maxLength = node.path("maxLength").asInt(2000);
            if (maxLength < 1 || maxLength > 4000) {
                throw fault(where + ": maxLength must be between 1 and 4000");
            }
        }
        List<Option> options = new ArrayList<>();
        Integer min = null;
        Integer max = null;
        if (type == ItemType.INTEGER) {
            for (JsonNode o : node.path("answerOption").values()) {
                if (!o.path("valueInteger").isInt()) {
                    throw fault(where + ": every answerOption needs a valueInteger");
                }
                JsonNode label = extension(o, SK + "option-label");
                String nl = label == null ? null : subExtension(label, "nl");
                String en = label == null ? null : subExtension(label, "en");
                if (isBlank(nl) || isBlank(en)) {
                    throw fault(where + ": answerOption " + o.path("valueInteger").asInt() + " needs a Dutch and an English label");
                }
                options.add(new Option(o.path("valueInteger").asInt(), new Text(nl, en)));
            }
            JsonNode minExt = extension(node, "http://hl7.org/fhir/StructureDefinition/minValue");
            JsonNode maxExt = extension(node, "http://hl7.org/fhir/StructureDefinition/maxValue");
            min = minExt == null ? null : minExt.path("valueInteger").asInt();
            max = maxExt == null ? null : maxExt.path("valueInteger").asInt();
            if (options.isEmpty() && (min == null || max == null)) {
                throw fault(where + ": an integer item needs answerOptions or a minValue and maxValue");
            }
            if (min != null && max != null && min > max) {
                throw fault(where + ": minValue is above maxValue");
            }
        } else if (node.has("answerOption")) {
            throw fault(where + ": answerOption is only supported on integer items");
        }
        JsonNode wish = extension(node, SK + "gathers-wish");
        JsonNode shares = extension(node, SK + "shares-of-100");
        if (wish != null && type != ItemType.TEXT) {
            throw fault(where + ": only a text item can gather wishes");
        }
        if (shares != null && type != ItemType.GROUP) {
            throw fault(where + ": shares-of-100 belongs on a group");
        }
        return new Item(linkId, text, type, required, maxLength, min, max, List.copyOf(options), domain,
                wish != null && wish.path("valueBoolean").asBoolean(false),
                shares != null && shares.path("valueBoolean").asBoolean(false), children);
    }

    private String required(JsonNode node, String field, String where) {
        String value = node.path(field).asString(null);
        if (isBlank(value)) {
            throw fault((where.isEmpty() ? "" : where + ": ") + "missing \"" + field + "\"");
        }
        return value;
    }

    /** The Dutch text in {@code field} and its English translation in {@code _field}. */
    private Text translated(JsonNode node, String field, String where) {
        String nl = required(node, field, where);
        String en = null;
        for (JsonNode ext : node.path("_" + field).path("extension").values()) {
            if (TRANSLATION.equals(ext.path("url").asString("")) && "en".equals(subExtension(ext, "lang"))) {
                en = subExtension(ext, "content");
            }
        }
        if (isBlank(en)) {
            throw fault((where.isEmpty() ? "" : where + ": ") + "\"" + field + "\" has no English translation");
        }
        return new Text(nl, en);
    }

    private static JsonNode extension(JsonNode node, String url) {
        for (JsonNode ext : node.path("extension").values()) {
            if (url.equals(ext.path("url").asString(""))) {
                return ext;
            }
        }
        return null;
    }

    private static String extensionCode(JsonNode node, String url) {
        JsonNode ext = extension(node, url);
        return ext == null ? null : ext.path("valueCode").asString(null);
    }

    private static String subExtension(JsonNode ext, String url) {
        for (JsonNode sub : ext.path("extension").values()) {
            if (url.equals(sub.path("url").asString(""))) {
                JsonNode v = sub.has("valueString") ? sub.path("valueString") : sub.path("valueCode");
                return v.asString(null);
            }
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private InvalidInstrumentDefinition fault(String what) {
        return new InvalidInstrumentDefinition(file, what);
    }
}
