package org.samenkracht.socialmap.web;

import jakarta.servlet.http.HttpServletRequest;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.socialmap.OfferImports;
import org.samenkracht.socialmap.SocialMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.util.UUID;

/** Import (with its progress polled by htmx) and export of the social map. */
@Controller
@RequestMapping("/socialmap")
class ImportPages {

    private final OfferImports imports;

    ImportPages(OfferImports imports) {
        this.imports = imports;
    }

    @GetMapping("/import")
    String page(Model model) {
        model.addAttribute("jobs", imports.recent());
        model.addAttribute("chosenFormat", "");
        model.addAttribute("onlyGood", false);
        return "socialmap/import";
    }

    @PostMapping("/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "format", required = false) String format,
                  @RequestParam(name = "onlyGood", defaultValue = "false") boolean onlyGood, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new RuleViolation("file", "socialmap.import.file.empty");
            }
            byte[] content = file.getBytes();
            UUID job = imports.start(file.getOriginalFilename(),
                    OfferImports.Format.of(format, file.getOriginalFilename(), content), content, onlyGood);
            return "redirect:/socialmap/import/" + job;
        } catch (RuleViolation e) {
            model.addAttribute("uploadError", e.messageKey());
        } catch (OfferImports.Refused e) {
            model.addAttribute("refusedJob", e.job());  // every bad row; nothing was imported
        }
        // the form comes back as it was filled in (a browser never fills in a file field again)
        model.addAttribute("jobs", imports.recent());
        model.addAttribute("chosenFormat", format == null ? "" : format);
        model.addAttribute("onlyGood", onlyGood);
        return "socialmap/import";
    }

    @GetMapping("/import/{id}")
    String job(@PathVariable UUID id, Model model, HttpServletRequest request) {
        model.addAttribute("job", imports.job(id));
        return request.getHeader("HX-Request") != null ? "socialmap/job :: progress" : "socialmap/job";
    }

    @GetMapping("/export.csv")
    ResponseEntity<StreamingResponseBody> csv() {
        return export(OfferImports.Format.CSV, new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), "sociale-kaart.csv");
    }

    @GetMapping("/export.json")
    ResponseEntity<StreamingResponseBody> json() {
        return export(OfferImports.Format.JSON, MediaType.APPLICATION_JSON, "sociale-kaart.json");
    }

    /** The map in the Open Referral HSDS 3 shape, for another directory. */
    @GetMapping("/export.hsds.json")
    ResponseEntity<StreamingResponseBody> hsds() {
        return export(OfferImports.Format.HSDS, MediaType.APPLICATION_JSON, "sociale-kaart.hsds.json");
    }

    private ResponseEntity<StreamingResponseBody> export(OfferImports.Format format, MediaType type, String name) {
        SocialMap.requireSearcher();  // before the body streams: a refusal must still be a 403
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext();
        StreamingResponseBody body = out -> {
            var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
            org.springframework.security.core.context.SecurityContextHolder.setContext(auth);
            try {
                imports.export(format, out);
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
            }
        };
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
