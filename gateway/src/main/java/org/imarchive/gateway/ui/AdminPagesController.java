package org.imarchive.gateway.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.archive.model.Platform;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.api.AdminUsersController;
import org.imarchive.gateway.review.SupervisionPolicies;
import org.imarchive.gateway.search.SupervisionGroupsProperties;
import org.imarchive.gateway.security.Actors;
import org.imarchive.gateway.security.LocalUsers;
import org.imarchive.gateway.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The admin area: local users (admins), the register of approved accounts (an admin requests, a compliance officer
 * who is not the requester approves or rejects), and the configured supervision groups with the policies in force.
 * Each change goes through the same code, and the same audit entries, as the API.
 */
@Controller
public class AdminPagesController {
    private final LocalUsers users;
    private final AdminUsersController userAdministration;
    private final AccountRegister accounts;
    private final SupervisionGroupsProperties groups;
    private final SupervisionPolicies policies;
    private final Clock clock;

    public AdminPagesController(LocalUsers users, AdminUsersController userAdministration, AccountRegister accounts,
                                SupervisionGroupsProperties groups, SupervisionPolicies policies, Clock clock) {
        this.users = users;
        this.userAdministration = userAdministration;
        this.accounts = accounts;
        this.groups = groups;
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/ui/admin/users")
    public String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        return "users";
    }

    @PostMapping("/ui/admin/users")
    public String createUser(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                             @RequestParam(required = false) List<String> roles, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            userAdministration.create(new AdminUsersController.NewUser(username.strip(), password, roles == null ? List.of() : roles), request);
            redirect.addFlashAttribute("notice", "User " + username.strip() + " created.");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/ui/admin/users";
    }

    @GetMapping("/ui/admin/groups")
    public String groups(Model model) {
        model.addAttribute("groups", groups.groups());
        model.addAttribute("policies", policies.policies());
        return "groups";
    }

    @GetMapping("/ui/accounts")
    public String accounts(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("tomorrow", LocalDate.now(clock).plusDays(1));
        return "accounts";
    }

    @PostMapping("/ui/accounts")
    public String requestAccount(@RequestParam(defaultValue = "whatsapp") String platform, @RequestParam(defaultValue = "") String account,
                                 @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String justification,
                                 @RequestParam(required = false) LocalDate reviewDate, HttpServletRequest request, RedirectAttributes redirect) {
        return change(redirect, "Account " + account.strip() + " requested; a compliance officer approves it.", () ->
                accounts.request(Platform.fromWireName(platform), account.strip(), owner.isBlank() ? null : owner.strip(), justification.strip(),
                        reviewDate, AccountRegister.RetentionFacts.UNKNOWN, Actors.current(), Actors.addressOf(request)));
    }

    @PostMapping("/ui/accounts/{id}/approve")
    public String approve(@PathVariable String id, @RequestParam(defaultValue = "") String comment, HttpServletRequest request,
                          RedirectAttributes redirect) {
        return change(redirect, "Approved.", () -> accounts.decide(id, true, Actors.current(), blankToNull(comment), Actors.addressOf(request)));
    }

    @PostMapping("/ui/accounts/{id}/reject")
    public String reject(@PathVariable String id, @RequestParam(defaultValue = "") String comment, HttpServletRequest request,
                         RedirectAttributes redirect) {
        return change(redirect, "Rejected.", () -> accounts.decide(id, false, Actors.current(), blankToNull(comment), Actors.addressOf(request)));
    }

    @PostMapping("/ui/accounts/{id}/revoke")
    public String revoke(@PathVariable String id, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
                         RedirectAttributes redirect) {
        return change(redirect, "Revoked.", () -> accounts.revoke(id, Actors.current(), reason.strip(), Actors.addressOf(request)));
    }

    /** Runs a change of the register; a refusal (four eyes, a missing reason) comes back to the page as its reason. */
    private static String change(RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", done);
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/ui/accounts";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
