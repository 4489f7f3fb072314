package org.samenkracht.socialmap;

import org.junit.jupiter.api.Test;
import org.samenkracht.socialmap.internal.OfferFiles;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The row reader, opening hours and the CSV/JSON formats, without a database. */
class OfferFormatsTest {

    static final String HEADER = String.join(",", OfferRow.COLUMNS) + "\n";
    static final String GOOD = "K-1,Buurthuis,ORGANISATION,Inloop,\"Koffie, een praatje\nen hulp\",eenzaamheid,"
            + "SOCIAL_INCLUSION|INTERPERSONAL_RELATIONS,EVERYONE,GENERAL_COLLECTIVE,SUPPORT,Lindeplein 1@51.05;4.4,"
            + "Centrum,MO-FR 09:00-17:00,FREE,0,false,nl|fr,WHEELCHAIR,0,3,011,a@b.example,https://x.example,2026-01-02\n";

    @Test
    void reads_quoted_fields_over_several_lines_and_keeps_the_line_of_each_row() {
        List<OfferFiles.RawRow> rows = OfferFiles.readCsv((HEADER + GOOD + GOOD.replace("K-1", "K-2")).getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(OfferFiles.RawRow::line).containsExactly(2, 4);
        assertThat(rows.get(0).fields().get("description")).isEqualTo("Koffie, een praatje\nen hulp");
        assertThat(OfferRow.read(rows.get(0).fields())).isInstanceOf(OfferRow.Valid.class);
    }

    @Test
    void names_every_wrong_field_with_its_reason() {
        var row = OfferFiles.readCsv((HEADER + GOOD.replace("GENERAL_COLLECTIVE", "HALFWAY").replace("MO-FR 09:00-17:00", "morgens")
                .replace("a@b.example", "geen-mail")).getBytes(StandardCharsets.UTF_8)).get(0);
        var result = (OfferRow.Invalid) OfferRow.read(row.fields());
        assertThat(result.problems()).extracting(OfferRow.Problem::field, OfferRow.Problem::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("layer", "choice"),
                        org.assertj.core.groups.Tuple.tuple("opening_hours", "hours"),
                        org.assertj.core.groups.Tuple.tuple("contact_email", "email"));
    }

    @Test
    void a_semicolon_file_from_a_spreadsheet_reads_the_same() {
        String semi = HEADER.replace(',', ';') + "K-9;Buurthuis;ORGANISATION;Inloop;Koffie;;SOCIAL_INCLUSION;EVERYONE;"
                + "VOLUNTEER;SUPPORT;;;;FREE;1,50;ja;nl;;2;;;;;2026-01-02\n";
        var row = OfferFiles.readCsv(semi.getBytes(StandardCharsets.UTF_8)).get(0);
        var data = ((OfferRow.Valid) OfferRow.read(row.fields())).data();
        assertThat(data.costEur()).isEqualByComparingTo("1.50");
        assertThat(data.reductionPossible()).isTrue();
    }

    @Test
    void an_unclosed_quote_is_a_file_problem_with_its_line() {
        assertThatThrownBy(() -> OfferFiles.readCsv((HEADER + "K-1,\"open\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(OfferFiles.Unreadable.class, e -> {
                    assertThat(e.key()).isEqualTo("unclosedQuote");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void csv_and_json_export_read_back_to_the_same_offer() throws Exception {
        var data = ((OfferRow.Valid) OfferRow.read(OfferFiles.readCsv((HEADER + GOOD).getBytes(StandardCharsets.UTF_8))
                .get(0).fields())).data();
        var csv = new java.io.StringWriter();
        OfferFiles.writeCsvHeader(csv);
        OfferFiles.writeCsv(csv, data);
        var again = ((OfferRow.Valid) OfferRow.read(OfferFiles.readCsv(csv.toString().getBytes(StandardCharsets.UTF_8))
                .get(0).fields())).data();
        assertThat(again.contentHash()).isEqualTo(data.contentHash());

        var out = new java.io.ByteArrayOutputStream();
        try (var g = OfferFiles.jsonWriter(out)) {
            g.writeStartArray();
            OfferFiles.writeJson(g, data);
            g.writeEndArray();
        }
        var fromJson = ((OfferRow.Valid) OfferRow.read(OfferFiles.readJson(out.toByteArray()).get(0).fields())).data();
        assertThat(fromJson.contentHash()).isEqualTo(data.contentHash());
    }

    @Test
    void a_cell_that_would_run_as_a_formula_is_neutralised_in_the_export_and_read_back_as_written() throws Exception {
        var data = ((OfferRow.Valid) OfferRow.read(OfferFiles.readCsv((HEADER + GOOD).getBytes(StandardCharsets.UTF_8))
                .get(0).fields())).data();
        for (String evil : List.of("=HYPERLINK(\"http://x\",\"klik\")", "+31 6 1234", "-2+3", "@SUM(A1)")) {
            var risky = new OfferData(data.externalKey(), data.providerName(), data.providerKind(), data.name(), evil,
                    data.goalsServed(), data.domains(), data.targetGroups(), data.layer(), data.intensity(), data.locations(),
                    data.workingArea(), data.openingHours(), data.accessRoute(), data.costEur(), data.reductionPossible(),
                    data.languages(), data.accessibility(), data.waitingWeeks(), data.freeCapacity(), data.contactPhone(),
                    data.contactEmail(), data.website(), data.lastChecked());
            var csv = new java.io.StringWriter();
            OfferFiles.writeCsvHeader(csv);
            OfferFiles.writeCsv(csv, risky);
            // no cell of the file starts with a formula character
            var cells = org.apache.commons.csv.CSVParser.parse(csv.toString(), org.apache.commons.csv.CSVFormat.RFC4180)
                    .getRecords().get(1).toList();
            assertThat(cells).noneMatch(c -> !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+(\\.\\d+)?"));
            assertThat(csv.toString()).endsWith("\r\n");
            var again = ((OfferRow.Valid) OfferRow.read(OfferFiles.readCsv(csv.toString().getBytes(StandardCharsets.UTF_8))
                    .get(0).fields())).data();
            assertThat(again.description()).isEqualTo(evil);
        }
    }

    @Test
    void opening_hours_become_minutes_of_the_week() {
        assertThat(OpeningHours.parse("MO-TU 09:00-12:00, SA 10:00-11:30").orElseThrow()).containsExactly(
                new OpeningHours.Range(540, 720), new OpeningHours.Range(1440 + 540, 1440 + 720),
                new OpeningHours.Range(5 * 1440 + 600, 5 * 1440 + 690));
        assertThat(OpeningHours.parse("FR-MO 09:00-12:00")).isEmpty();
        assertThat(OpeningHours.parse("MO 12:00-09:00")).isEmpty();
    }

    @Test
    void search_words_never_carry_query_operators() {
        assertThat(SearchQuery.words("'; drop table x; -- & | ! :* (a)")).containsExactly("drop", "table", "x", "a");
        assertThat(SearchQuery.text("opru").prefixQuery()).isEqualTo("opru:*");
        assertThat(SearchQuery.text("!!!").prefixQuery()).isNull();
    }
}
