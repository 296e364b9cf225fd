package org.imarchive.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.gateway.search.Visibility;
import org.imarchive.gateway.security.Actors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the archive: a message with every version, a conversation in order, each only if the caller may see it
 * (supervisors and reviewers: the messages of their groups' RMs). There is no way to write: each write
 * to a stored message is refused with 405 and the reason, and the attempt goes on the audit trail.
 */
@RestController
@RequestMapping("/api")
public class MessagesController {
    static final String IMMUTABLE = "archived records cannot be changed or deleted: SEC 17a-4(f) requires them kept"
            + " non-rewriteable and non-erasable until their retention expires; disposition is done by the retention job only";

    private final ArchiveStore store;
    private final AuditLog audit;
    private final Visibility visibility;

    public MessagesController(ArchiveStore store, AuditLog audit, Visibility visibility) {
        this.store = store;
        this.audit = audit;
        this.visibility = visibility;
    }

    @GetMapping("/messages/{id}")
    public Map<String, Object> message(@PathVariable String id, Authentication caller, HttpServletRequest request) {
        StoredMessage message = store.message(id).orElse(null);
        if (message != null && !visibility.maySee(caller, message)) {
            throw outsideSupervisionGroups("message.view", id, request);
        }
        audit.record(new AuditEvent(Actors.current(), "message.view", id,
                message == null ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.SUCCESS, Actors.addressOf(request), null));
        if (message == null) {
            throw ApiException.notFound("message " + id);
        }
        return MessageViews.full(message);
    }

    @GetMapping("/conversations/{id}")
    public Map<String, Object> conversation(@PathVariable String id,
                                            @RequestParam(required = false) String around,
                                            @RequestParam(defaultValue = "0") int offset,
                                            @RequestParam(defaultValue = "200") int size,
                                            Authentication caller, HttpServletRequest request) {
        if (offset < 0 || size < 1 || size > 1000) {
            throw new IllegalArgumentException("offset must be >= 0 and size between 1 and 1000");
        }
        List<StoredMessage> messages = around == null ? store.conversation(id, offset, size)
                : store.conversationAround(around, size / 2, size / 2).stream().filter(m -> id.equals(m.conversationId())).toList();
        List<StoredMessage> visible = messages.stream().filter(message -> visibility.maySee(caller, message)).toList();
        if (!messages.isEmpty() && visible.isEmpty()) {
            throw outsideSupervisionGroups("conversation.view", id, request);
        }
        audit.record(new AuditEvent(Actors.current(), "conversation.view", id, AuditEvent.Outcome.SUCCESS, Actors.addressOf(request),
                (around == null ? "offset=" + offset : "around=" + around) + " size=" + size));
        if (visible.isEmpty() && offset == 0) {
            throw ApiException.notFound("conversation " + id);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        if (around == null) {
            view.put("offset", offset);
        } else {
            view.put("around", around);
        }
        view.put("items", MessageViews.summaries(visible));
        return view;
    }

    /** What the caller may not see does not exist for them (404, as for a review item), and the attempt is audited. */
    private ApiException outsideSupervisionGroups(String action, String id, HttpServletRequest request) {
        audit.record(new AuditEvent(Actors.current(), action, id, AuditEvent.Outcome.REFUSED, Actors.addressOf(request),
                "not in the caller's supervision groups"));
        return ApiException.notFound((action.startsWith("message") ? "message " : "conversation ") + id);
    }

    @RequestMapping(value = {"/messages", "/messages/{id}", "/messages/{id}/**", "/conversations/{id}", "/conversations/{id}/**"},
            method = {RequestMethod.DELETE, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.POST})
    public ResponseEntity<Map<String, Object>> refuseWrite(HttpServletRequest request) {
        audit.record(new AuditEvent(Actors.current(), "record.write", request.getMethod() + " " + request.getRequestURI(),
                AuditEvent.Outcome.REFUSED, Actors.addressOf(request), "records are immutable"));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, "GET")
                .body(Map.of("status", 405, "reason", IMMUTABLE));
    }
}
