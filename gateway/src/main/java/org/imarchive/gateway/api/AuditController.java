package org.imarchive.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.archive.audit.AuditEntry;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.audit.AuditQuery;
import org.imarchive.gateway.security.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit trail, newest first, for admins and auditors; reading it is itself audited. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    public Map<String, Object> page(@RequestParam(required = false) String actor,
                                    @RequestParam(required = false) String action,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(required = false) Long before,
                                    @RequestParam(defaultValue = "100") int size,
                                    HttpServletRequest request) {
        AuditQuery query = new AuditQuery(actor, action, from, to, before, size);
        audit.record(new AuditEvent(Actors.current(), "audit.read", null, AuditEvent.Outcome.SUCCESS, Actors.addressOf(request),
                "actor=" + actor + " action=" + action + " from=" + from + " to=" + to + " before=" + before));
        List<AuditEntry> entries = audit.page(query);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("items", entries);
        if (entries.size() == size) {
            view.put("next", entries.get(entries.size() - 1).serial());
        }
        return view;
    }
}
