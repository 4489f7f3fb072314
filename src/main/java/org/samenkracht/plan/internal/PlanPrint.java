package org.samenkracht.plan.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.PersonView;
import org.samenkracht.plan.PlanView;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    PlanPrint(ITemplateEngine templates) {
        this.templates = templates;
    }

    public String html(PersonView person, PlanView plan, List<NetworkMember> network, String professionalName,
                       Locale locale) {
        Context context = new Context(locale, Map.of("person", person, "plan", plan, "network", network,
                "professionalName", professionalName == null ? "" : professionalName, "today", LocalDate.now()));
        return templates.process("plan/print", context);
    }

    public byte[] pdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
