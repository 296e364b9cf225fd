package org.imarchive.gateway.ui;

import org.imarchive.gateway.security.Role;
import org.imarchive.gateway.security.oidc.BrowserSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sign-in page (with a link to the organisation's provider when an OIDC client is configured), and the home page
 * that sends each role where its work is.
 */
@Controller
public class SignInController {
    private final boolean signInByOrganisation;

    public SignInController(ObjectProvider<ClientRegistrationRepository> organisationSignIn) {
        this.signInByOrganisation = organisationSignIn.getIfAvailable() != null;
    }

    @GetMapping("/login")
    public String signIn(Authentication caller, Model page) {
        if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
            return "redirect:/ui";
        }
        if (signInByOrganisation) {
            page.addAttribute("organisationSignIn", "/oauth2/authorization/" + BrowserSignIn.REGISTRATION_ID);
        }
        return "login";
    }

    @GetMapping("/ui")
    public String home(Authentication caller) {
        Set<String> roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (roles.contains(Role.COMPLIANCE.authority()) || roles.contains(Role.SUPERVISOR.authority()) || roles.contains(Role.REVIEWER.authority())) {
            return "redirect:/ui/queue";
        }
        if (roles.contains(Role.AUDITOR.authority())) {
            return "redirect:/ui/audit";
        }
        if (roles.contains(Role.ADMIN.authority())) {
            return "redirect:/ui/admin/users";
        }
        return "home";
    }
}
