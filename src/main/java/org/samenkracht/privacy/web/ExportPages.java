package org.samenkracht.privacy.web;

import org.samenkracht.privacy.PersonRights;
import org.samenkracht.privacy.internal.ExportPdf;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.UUID;

/** The export of everything about a person, as a readable PDF (the JSON is in the API). */
@Controller
class ExportPages {

    private final PersonRights rights;
    private final PersonDirectory directory;
    private final ExportPdf pdf;
    private final tools.jackson.databind.ObjectMapper json;
    private final org.samenkracht.privacy.internal.AccessLogReads whoLooked;

    ExportPages(PersonRights rights, PersonDirectory directory, ExportPdf pdf, tools.jackson.databind.ObjectMapper json,
                org.samenkracht.privacy.internal.AccessLogReads whoLooked) {
        this.whoLooked = whoLooked;
        this.json = json;
        this.rights = rights;
        this.directory = directory;
        this.pdf = pdf;
    }

    @GetMapping("/persons/{id}/export.pdf")
    ResponseEntity<byte[]> exportPdf(@PathVariable UUID id) {
        var person = directory.person(id);
        var export = asTree(rights.export(id));  // checks access and logs the export
        var looked = whoLooked.groups(id, org.samenkracht.identity.CurrentUser.get().id(),
                org.samenkracht.privacy.AuditLog.Filter.all(), false, 0, 5000).groups();
        byte[] body = pdf.render(person.fullName(), export, looked, LocaleContextHolder.getLocale());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dossier.pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }

    /** Records become maps, dates become text: the shape the JSON export has. */
    @SuppressWarnings("unchecked")
    private java.util.Map<String, Object> asTree(java.util.Map<String, Object> export) {
        return json.convertValue(export, java.util.LinkedHashMap.class);
    }
}
