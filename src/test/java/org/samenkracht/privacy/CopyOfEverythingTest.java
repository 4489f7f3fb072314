package org.samenkracht.privacy;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The person's copy of everything reads as Dutch: labels, dd-mm-jjjj dates, no ids, codes or ISO
 * timestamps, ordered by what it is about; the machine-readable JSON stays beside it.
 */
@SamenkrachtTest
class CopyOfEverythingTest {

    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    @Autowired
    MockMvc mvc;
    @Autowired
    PrivacyScene scenes;
    @Autowired
    org.samenkracht.identity.Accounts accounts;
    @Autowired
    org.samenkracht.network.Network network;
    @Autowired
    org.samenkracht.exploration.Wishes wishes;

    /**
     * What people wrote in Arabic comes out as joined Arabic letters in an embedded font (never '#'),
     * right to left with its punctuation at its own end.
     */
    @Test
    void arabic_written_by_people_is_printed_joined_right_to_left_in_an_embedded_font() {
        var scene = scenes.create(java.util.Set.of());
        accounts.runAs(scene.as(PrivacyScene.Subject.TEAM_PROFESSIONAL).id(), () -> {
            network.add(scene.person(), new org.samenkracht.network.AddNetworkMember("كريم الحسن",
                    org.samenkracht.network.NetworkMember.Relation.NEIGHBOUR, org.samenkracht.vocabulary.Layer.NETWORK,
                    java.util.Set.of(org.samenkracht.network.NetworkMember.SupportKind.PRACTICAL)));
            wishes.add(scene.person(), new org.samenkracht.exploration.Wishes.AddWish("نطبخ معاً مع الجيران!", "CONVERSATION"));
        });
        byte[] bytes;
        try {
            bytes = mvc.perform(get("/persons/{id}/export.pdf", scene.person()).with(
                            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                    .authentication(PrivacyScene.authentication(scene.as(PrivacyScene.Subject.SELF)))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        var pdf = org.samenkracht.common.pdf.PdfText.of(bytes);
        assertThat(pdf.words()).contains("كريم").contains("الجيران").doesNotContain("#");
        assertThat(pdf.arabicShaped()).as("Arabic drawn as joined letters").isTrue();
        assertThat(pdf.fonts()).isNotEmpty().allMatch(f -> f.isEmbedded(), "embedded");
        var mark = pdf.glyphsOf("!").stream().filter(g -> !pdf.arabicBeside(g).isEmpty()).toList();
        assertThat(mark).as("the '!' of the Arabic wish").hasSize(1);
        assertThat(pdf.arabicBeside(mark.get(0))).as("read from the right, '!' ends the wish: left of its letters")
                .allMatch(g -> g.x() > mark.get(0).x());
    }

    @Test
    void jonas_reads_his_copy_in_dutch_ordered_by_topic_without_ids() throws Exception {
        byte[] pdf = mvc.perform(get("/persons/" + PERSON_JONAS + "/export.pdf").with(httpBasic("jonas", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text;
        int pages;
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
            pages = doc.getNumberOfPages();
        }
        System.out.printf("Copy of everything for Jonas: %d pages, %d bytes%n", pages, pdf.length);
        assertThat(text).contains("Voornaam").contains("Geboortedatum").contains("12-04-2001");
        assertThat(text).doesNotContain("given name").doesNotContain("date of birth").doesNotContain("organisation");
        assertThat(UUID_TEXT.matcher(text).find()).as("no ids in the copy").isFalse();
        assertThat(ISO_INSTANT.matcher(text).find()).as("no ISO timestamps in the copy").isFalse();
        int story = text.indexOf("Verhaal, gesprekken en logboek");
        int plan = text.indexOf("\nPlan");
        int network = text.indexOf("\nNetwerk");
        int looked = text.indexOf("Wie keek er");
        assertThat(story).isPositive();
        assertThat(plan).isGreaterThan(story);
        assertThat(network).isGreaterThan(plan);
        assertThat(looked).isGreaterThan(network);

        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS + "/export").with(httpBasic("jonas", PASSWORD)))
                .andExpect(status().isOk());
    }
}
