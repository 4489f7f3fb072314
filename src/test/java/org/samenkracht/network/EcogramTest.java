package org.samenkracht.network;

import org.junit.jupiter.api.Test;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.SupportKind;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.network.NetworkLoadPolicyTest.profile;
import static org.samenkracht.network.NetworkLoadPolicyTest.report;

class EcogramTest {

    @Test
    void draws_the_person_rings_members_a_line_per_kind_and_marks() {
        List<MemberProfile> members = NetworkLoadPolicy.assessAll(List.of(
                profile("Ria", Layer.NETWORK, Set.of(SupportKind.PRACTICAL, SupportKind.COMPANY), Set.of(SupportKind.COMPANY), false,
                        List.of(report(0, 12, 2, 5))),
                profile("Ex", Layer.NETWORK, Set.of(SupportKind.EMOTIONAL), Set.of(), true, List.of()),
                profile("Thuiszorg", Layer.INDIVIDUAL_PROFESSIONAL, Set.of(SupportKind.PRACTICAL), Set.of(), false, List.of())));
        String svg = Ecogram.render("Jonas", members, key -> "[" + key + "]", "/p?member=", "#panel");

        assertThat(count(svg, "<circle class=\"ring ")).isEqualTo(3);
        assertThat(count(svg, "data-member-id=")).isEqualTo(3);
        assertThat(count(svg, "class=\"tie kind-")).as("one line per kind, none for the harmful tie").isEqualTo(3);
        assertThat(count(svg, "class=\"tie harmful\"")).isEqualTo(1);
        assertThat(count(svg, "class=\"gives-back\"")).isEqualTo(1);
        assertThat(count(svg, "<g class=\"warning\">")).isEqualTo(1);
        assertThat(svg).contains("[network.warning.HIGH]").contains(">Jonas</text>")
                .contains("hx-get=\"/p?member=" + members.get(0).id() + "\"");
    }

    @Test
    void names_are_escaped() {
        String svg = Ecogram.render("<b>", List.of(profile("<script>alert(1)</script> & \"x\"", Layer.NETWORK,
                Set.of(), Set.of(), false, List.of())), k -> k, null, null);
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;").contains("&amp;").contains("&quot;x&quot;");
        assertThat(svg).doesNotContain("hx-get");
    }

    @Test
    void an_empty_network_still_shows_the_person_and_the_rings() {
        String svg = Ecogram.render("Jonas", List.of(), k -> k, "/p?member=", "#panel");
        assertThat(count(svg, "<circle class=\"ring ")).isEqualTo(3);
        assertThat(svg).contains("class=\"centre\"").doesNotContain("data-member-id=");
    }

    private static int count(String s, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
