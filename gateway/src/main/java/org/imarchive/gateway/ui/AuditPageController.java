package org.imarchive.gateway.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.api.AuditController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/** The audit trail, read-only, newest first, for admins and auditors; the API's own reader, so reading it is audited too. */
@Controller
public class AuditPageController {
    private final AuditController audit;
    private final UiProperties properties;

    public AuditPageController(AuditController audit, UiProperties properties) {
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/ui/audit")
    public String trail(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                        @RequestParam(required = false) Long before, HttpServletRequest request, Model model) {
        Map<String, Object> page = audit.page(blankToNull(actor), blankToNull(action), null, null, before, properties.pageSize() * 5, request);
        model.addAttribute("entries", page.get("items"));
        model.addAttribute("next", page.get("next"));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        return "audit";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
