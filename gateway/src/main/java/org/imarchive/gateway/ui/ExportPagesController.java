package org.imarchive.gateway.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.exports.ExportJob;
import org.imarchive.gateway.exports.ExportService;
import org.imarchive.gateway.security.Actors;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/** Productions for compliance: start one from a search, watch its progress, download the ZIP (each download audited). */
@Controller
public class ExportPagesController {
    static final int RECENT = 20;

    private final ExportService exports;

    public ExportPagesController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/ui/exports")
    public String exports(Model model) {
        model.addAttribute("jobs", exports.recent(RECENT));
        return "exports";
    }

    @PostMapping("/ui/exports")
    public String start(@RequestParam(defaultValue = "") String matter, @RequestParam(defaultValue = "") String query,
                        @RequestParam(required = false) List<String> formats, @RequestParam(defaultValue = "") String custodians,
                        @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                        HttpServletRequest request, RedirectAttributes redirect) {
        try {
            String id = exports.request(new ExportService.ExportRequest(matter.strip(), query.strip(), formats, list(custodians), List.of(),
                    from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), null), Actors.current(), Actors.addressOf(request));
            return "redirect:/ui/exports/" + id;
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/ui/exports";
        }
    }

    /** The job's page refreshes itself (a meta refresh, no script) until the job is done or failed. */
    @GetMapping("/ui/exports/{id}")
    public String job(@PathVariable String id, Model model) {
        ExportJob job = exports.job(id).orElseThrow(() -> new NoSuchElementException("no export " + id));
        model.addAttribute("job", job);
        model.addAttribute("running", !job.state().equals("done") && !job.state().equals("failed"));
        return "export";
    }

    @GetMapping("/ui/exports/{id}/download")
    public ResponseEntity<FileSystemResource> download(@PathVariable String id, HttpServletRequest request) {
        Path zip = exports.download(id, Actors.current(), Actors.addressOf(request));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"production-" + id + ".zip\"")
                .body(new FileSystemResource(zip));
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
