package org.imarchive.gateway.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.search.InvalidQueryException;
import org.imarchive.gateway.api.SearchController;
import org.imarchive.gateway.security.Actors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.core.io.InputStreamResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Searching the archive and reading a message in its conversation. The search is the API's own (its visibility filter,
 * its audit entry), called in-process; a file is served only as part of a message the caller may see.
 */
@Controller
public class SearchPagesController {
    private final SearchController search;
    private final ArchiveReading archive;
    private final UiProperties properties;

    public SearchPagesController(SearchController search, ArchiveReading archive, UiProperties properties) {
        this.search = search;
        this.archive = archive;
        this.properties = properties;
    }

    /** A hit as the page lists it: who, when, where, and the matched fragments with the matches marked. */
    public record SearchRow(String id, String platform, String direction, String sender, Object sentAt, boolean edited, boolean deleted,
                            List<List<HighlightedText.Segment>> fragments) {
        @SuppressWarnings("unchecked")
        static SearchRow of(Map<String, Object> item) {
            Map<String, List<String>> highlights = (Map<String, List<String>>) item.getOrDefault("highlights", Map.of());
            List<List<HighlightedText.Segment>> fragments = highlights.values().stream().flatMap(List::stream)
                    .map(HighlightedText::ofSearchFragment).toList();
            if (fragments.isEmpty() && item.get("text") != null) {
                fragments = List.of(List.of(new HighlightedText.Segment((String) item.get("text"), null)));
            }
            return new SearchRow((String) item.get("id"), (String) item.get("platform"), (String) item.get("direction"),
                    item.get("sender") instanceof Participant sender ? sender.platformId() : null,
                    item.get("sentAt"), Boolean.TRUE.equals(item.get("edited")), Boolean.TRUE.equals(item.get("deleted")), fragments);
        }
    }

    @GetMapping("/ui/search")
    @SuppressWarnings("unchecked")
    public String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String platform,
                         @RequestParam(required = false) String participant, @RequestParam(required = false) LocalDate from,
                         @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "0") int page, Authentication caller,
                         HttpServletRequest request, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("platform", platform);
        model.addAttribute("participant", participant);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("page", page);
        boolean asked = !q.isBlank() || participant != null && !participant.isBlank() || from != null || to != null
                || platform != null && !platform.isBlank();
        if (asked) {
            try {
                Map<String, Object> result = search.search(q, blankToNull(platform), blankToNull(participant), null, null, startOf(from),
                        to == null ? null : startOf(to.plusDays(1)), null, null, false, "newest", Math.max(page, 0), properties.pageSize(),
                        null, caller, request);
                model.addAttribute("total", result.get("total"));
                model.addAttribute("rows", ((List<Map<String, Object>>) result.get("items")).stream().map(SearchRow::of).toList());
                model.addAttribute("pages", ((Number) result.get("total")).longValue() > (long) (page + 1) * properties.pageSize());
            } catch (InvalidQueryException invalid) {
                model.addAttribute("error", invalid.getMessage());
            }
        }
        return "search";
    }

    @GetMapping("/ui/messages/{id}")
    public String message(@PathVariable String id, Authentication caller, HttpServletRequest request, Model model) {
        model.addAttribute("cards", archive.conversationAround(caller, id, Actors.addressOf(request)));
        model.addAttribute("messageId", id);
        return "conversation";
    }

    /**
     * A file of a message: inline only when its first bytes are a raster image (the preview), anything else as a
     * download that never renders here, whatever type the platform declared.
     */
    @GetMapping("/ui/blobs/{messageId}/{sha256}")
    public ResponseEntity<InputStreamResource> blob(@PathVariable String messageId, @PathVariable String sha256, Authentication caller,
                                                    HttpServletRequest request) throws IOException {
        ArchiveReading.Blob blob = archive.attachment(caller, messageId, sha256, Actors.addressOf(request));
        BufferedInputStream content = new BufferedInputStream(blob.content());
        content.mark(RasterImages.SIGNATURE_BYTES);
        Optional<String> image = RasterImages.sniff(content.readNBytes(RasterImages.SIGNATURE_BYTES));
        content.reset();
        String fileName = blob.attachment().fileName() == null ? sha256 : blob.attachment().fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return ResponseEntity.ok()
                .contentType(image.map(MediaType::parseMediaType).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .header(HttpHeaders.CONTENT_DISPOSITION, (image.isPresent() ? "inline" : "attachment") + "; filename=\"" + fileName + "\"")
                .cacheControl(CacheControl.noStore())
                .body(new InputStreamResource(content));
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
