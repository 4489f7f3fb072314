package org.samenkracht.insights.web;

import org.samenkracht.common.web.NavItem;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.insights.Insights;
import org.samenkracht.insights.TimeLevel;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The policy maker's dashboard: one view of figures with charts and tables, CSV export and refresh. */
@Controller
@RequestMapping("/insights")
class InsightsPages {

    private final Insights insights;
    private final MessageSource messages;
    private final org.samenkracht.common.pdf.PdfDocuments pdfs;
    /**
     * The figures' HTML per view version and language (a new refresh or setting gives a new version); room for both
     * languages of the views a refresh makes ready and of the previous refresh's.
     */
    private final Map<String, String> sections = java.util.Collections.synchronizedMap(new LinkedHashMap<>(512, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 512;
        }
    });

    InsightsPages(Insights insights, MessageSource messages, org.samenkracht.common.pdf.PdfDocuments pdfs) {
        this.insights = insights;
        this.pdfs = pdfs;
        this.messages = messages;
    }

    /**
     * A refresh made its views ready (before its aggregates are committed): the figures' HTML of each, in Dutch and in
     * English, is written now, so the first page after the refresh finds it.
     */
    @org.springframework.context.event.EventListener
    void viewsReady(Insights.ViewsReady ready) {
        for (Insights.View view : ready.views()) {
            for (java.util.Locale locale : LANGUAGES) {
                sections.put(key(view, locale), FigureSections.html(view, messages, locale));
            }
        }
    }

    private static final java.util.List<java.util.Locale> LANGUAGES = java.util.List.of(java.util.Locale.forLanguageTag("nl"), java.util.Locale.ENGLISH);

    private static String key(Insights.View view, java.util.Locale locale) {
        return view.version() + "/" + locale.toLanguageTag();
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) String level, @RequestParam(required = false) String time,
                     @RequestParam(required = false) String period, Model model) {
        Insights.View view = insights.view(Insights.Filter.parse(level, time, period, LocalDate.now()));
        model.addAttribute("view", view);
        model.addAttribute("periods", insights.periods(view.filter().time()));
        model.addAttribute("mayRefresh", Insights.mayView(CurrentUser.get()));
        model.addAttribute("maySettings", CurrentUser.get().is(Role.ADMINISTRATOR));
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("sections", sections.computeIfAbsent(key(view, locale),
                k -> FigureSections.html(view, messages, locale)));
        model.addAttribute("levels", org.samenkracht.common.disclosure.Level.values());
        model.addAttribute("times", TimeLevel.values());
        return "insights/dashboard";
    }

    @GetMapping(value = "/figures.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String level, @RequestParam(required = false) String time,
                               @RequestParam(required = false) String period) {
        Insights.View view = insights.view(Insights.Filter.parse(level, time, period, LocalDate.now()));
        byte[] body = FigureCsv.of(view).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("insights-" + view.filter().level().name().toLowerCase() + "-" + view.filter().period() + ".csv")
                        .build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    /** The same tables as a PDF, rendered whole before anything is sent: a failing export sends nothing. */
    @GetMapping(value = "/figures.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String level, @RequestParam(required = false) String time,
                               @RequestParam(required = false) String period) {
        Insights.View view = insights.view(Insights.Filter.parse(level, time, period, LocalDate.now()));
        byte[] body = pdfs.render(FigurePdf.xhtml(view, messages, LocaleContextHolder.getLocale()),
                pdfs.letterhead(CurrentUser.get().organisationId()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("insights-" + view.filter().level().name().toLowerCase() + "-" + view.filter().period() + ".pdf")
                        .build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }

    @PostMapping("/refresh")
    String refresh(@RequestParam(required = false) String level, @RequestParam(required = false) String time,
                   @RequestParam(required = false) String period) {
        Insights.Filter f = Insights.Filter.parse(level, time, period, LocalDate.now());
        insights.refreshNow();
        return "redirect:/insights?level=" + f.level() + "&time=" + f.time() + "&period=" + f.period();
    }

    @Bean
    NavItem insightsNavItem() {
        return new NavItem("/insights", "insights.nav", 8, Set.of(Role.POLICY_ANALYST.name(), Role.ADMINISTRATOR.name()));
    }
}
