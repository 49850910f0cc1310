package org.samizdat.newsletter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.newsletter.internal.ImportResult;
import org.samizdat.newsletter.internal.SubscriberLists;
import org.samizdat.newsletter.internal.Suppressions;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The subscriber desk, for editors and admins: how many readers each newsletter has in each state, the suppressed
 * addresses (bounced or complained) and why, a CSV import with a required consent source, and a CSV export (audited).
 */
@Controller
@Newsroom
class SubscriberDeskController {

    private static final String DESK = "/newsroom/newsletter/subscribers";
    private static final int MAX_SOURCE = 1000;

    private final SubscriberLists lists;
    private final Suppressions suppressions;
    private final Editions editions;
    private final AuditLog audit;
    private final long maxImport;

    SubscriberDeskController(SubscriberLists lists, Suppressions suppressions, Editions editions, AuditLog audit,
            @Value("${samizdat.newsletter.import-max-size:5MB}") DataSize maxImport) {
        this.lists = lists;
        this.suppressions = suppressions;
        this.editions = editions;
        this.audit = audit;
        this.maxImport = maxImport.toBytes();
    }

    @GetMapping(DESK)
    String desk(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, Model model) {
        editorOnly(page);
        return show(page, FieldErrors.none(page.t()), null, "", model);
    }

    @PostMapping(DESK + "/import")
    String importList(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(defaultValue = "") String newsletter, @RequestParam(defaultValue = "") String source,
            @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        editorOnly(page);
        String consent = source.strip().replaceAll("\\p{Cntrl}+", " ");
        FieldErrors errors = new FieldErrors(page.t()).required("source", consent).maxLength("source", consent, MAX_SOURCE);
        if (editions.newsletters().stream().noneMatch(n -> n.code().equals(newsletter))) {
            errors.add("newsletter", "newsroom.subscribers.error.newsletter");
        }
        if (file == null || file.isEmpty()) {
            errors.add("file", "newsroom.subscribers.error.file");
        } else if (file.getSize() > maxImport) {
            errors.add("file", "newsroom.subscribers.error.tooLarge", DataSize.ofBytes(maxImport).toMegabytes());
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return show(page, errors, null, consent, model);
        }
        ImportResult result = lists.importCsv(newsletter, file.getBytes(), consent);
        if (result.failed()) {
            response.setStatus(422);
        } else {
            audit.record(page.who(), AuditAction.SUBSCRIBERS_IMPORTED, newsletter + ": " + result.added() + " added, "
                    + result.alreadyListed() + " already listed, " + result.suppressed() + " suppressed");
        }
        return show(page, errors, result, result.failed() ? consent : "", model);
    }

    @GetMapping(DESK + ".csv")
    ResponseEntity<byte[]> export(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page,
            @RequestParam(defaultValue = "") String newsletter) {
        editorOnly(page);
        String code = editions.newsletters().stream().anyMatch(n -> n.code().equals(newsletter)) ? newsletter : "";
        String csv = lists.exportCsv(code);
        audit.record(page.who(), AuditAction.SUBSCRIBERS_EXPORTED, code.isEmpty() ? "all newsletters" : code);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(code.isEmpty() ? "subscribers.csv" : "subscribers-" + code + ".csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private String show(NewsroomPage page, FieldErrors errors, ImportResult result, String source, Model model) {
        model.addAttribute("newsletters", editions.newsletters());
        model.addAttribute("counts", lists.counts());
        model.addAttribute("suppressed", suppressions.recent(100));
        model.addAttribute("suppressedCount", suppressions.count());
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("source", source);
        return "newsletter/desk-subscribers";
    }

    private static void editorOnly(NewsroomPage page) {
        if (page.who() == null || !page.who().canPublish()) {
            throw new AccessDeniedException("Editors only");
        }
    }
}
