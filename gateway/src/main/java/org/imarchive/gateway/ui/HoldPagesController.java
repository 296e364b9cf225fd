package org.imarchive.gateway.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.holds.HeldMessages;
import org.imarchive.gateway.holds.HoldView;
import org.imarchive.gateway.holds.LegalHolds;
import org.imarchive.gateway.holds.ScopeBody;
import org.imarchive.gateway.security.Actors;
import org.imarchive.retention.hold.LegalHold;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Legal holds: compliance places one on a scope (custodians, counterparties, a query, dates) and releases it with a
 * reason; compliance and auditors see every hold, how many records it covers and its history. {@link LegalHolds}
 * validates and audits each step, as for the API.
 */
@Controller
public class HoldPagesController {
    private final LegalHolds holds;
    private final HeldMessages held;

    public HoldPagesController(LegalHolds holds, HeldMessages held) {
        this.holds = holds;
        this.held = held;
    }

    @GetMapping("/ui/holds")
    public String holds(Model model) {
        model.addAttribute("holds", holds.all().stream().map(HoldView::of).toList());
        return "holds";
    }

    @GetMapping("/ui/holds/{id}")
    public String hold(@PathVariable String id, Model model) {
        LegalHold hold = holds.get(id);
        model.addAttribute("hold", HoldView.of(hold, held.count(hold), holds.history(id)));
        return "hold";
    }

    @PostMapping("/ui/holds")
    public String place(@RequestParam(defaultValue = "") String matter, @RequestParam(defaultValue = "") String reason,
                        @RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "") String custodians,
                        @RequestParam(defaultValue = "") String counterparties, @RequestParam(required = false) LocalDate from,
                        @RequestParam(required = false) LocalDate to, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            ScopeBody scope = new ScopeBody(query.isBlank() ? null : query.strip(), list(custodians), list(counterparties), List.of(),
                    from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));
            LegalHold hold = holds.place(matter.strip(), reason.strip(), scope, Actors.current(), Actors.addressOf(request));
            redirect.addFlashAttribute("notice", "Hold placed for " + hold.matter() + ".");
            return "redirect:/ui/holds/" + hold.id();
        } catch (IllegalArgumentException | IllegalStateException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/ui/holds";
        }
    }

    @PostMapping("/ui/holds/{id}/release")
    public String release(@PathVariable String id, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
                          RedirectAttributes redirect) {
        try {
            holds.release(id, reason.strip(), Actors.current(), Actors.addressOf(request));
            redirect.addFlashAttribute("notice", "Hold released.");
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/ui/holds/" + id;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
