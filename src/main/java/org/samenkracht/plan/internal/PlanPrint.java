package org.samenkracht.plan.internal;

import org.samenkracht.common.pdf.PdfDocuments;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.PersonView;
import org.samenkracht.plan.PlanView;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printable plan: the Thymeleaf template {@code plan/print} rendered to XHTML, then to PDF by
 * openhtmltopdf. Plain Dutch (or the reader's language), for the person to keep and sign on paper.
 */
@Component
public class PlanPrint {

    private final ITemplateEngine templates;
    private final PdfDocuments pdfs;

    PlanPrint(ITemplateEngine templates, PdfDocuments pdfs) {
        this.templates = templates;
        this.pdfs = pdfs;
    }

    public String html(PersonView person, PlanView plan, List<NetworkMember> network, String professionalName,
                       Locale locale) {
        Context context = new Context(locale, Map.of("person", person, "plan", plan, "network", network,
                "professionalName", professionalName == null ? "" : professionalName,
                "today", LocalDate.now(org.samenkracht.common.time.AmsterdamTime.ZONE),
                // steps inside out: own strength, network, general facilities, then professionals
                "insideOut", java.util.Comparator.comparing((PlanView.Step s) -> s.layer(),
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))));
        return templates.process("plan/print", context);
    }

    /** The plan as a tagged PDF with embedded fonts, page numbers and the organisation's letterhead. */
    public byte[] pdf(String html) {
        return pdfs.render(html, CurrentUser.find().map(u -> pdfs.letterhead(u.organisationId())).orElse(null));
    }
}
