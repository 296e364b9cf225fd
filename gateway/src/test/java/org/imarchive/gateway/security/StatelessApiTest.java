package org.imarchive.gateway.security;

import org.imarchive.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API is stateless: credentials come with every request, no session is made, and a session, even one holding a
 * signed-in user (as a browser sign-in on the UI would leave), never authenticates an API call. With no cookie to
 * ride on, a cross-site request has nothing to forge, so the API needs no CSRF token.
 */
class StatelessApiTest extends GatewayTest {

    @Autowired
    WebApplicationContext context;

    @Test
    void aSignedInApiCallMakesNoSession() {
        ResponseEntity<String> response = as("admin").getForEntity("/api/admin/users", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void aSessionHoldingASignedInUserNeverAuthenticatesAnApiCall() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of(
                        new SimpleGrantedAuthority(Role.ADMIN.authority()), new SimpleGrantedAuthority(Role.COMPLIANCE.authority())))));
        mvc.perform(get("/api/messages").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/users").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/admin/users").session(session).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aSessionCookieAloneIsNoCredential() {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + "0123456789ABCDEF0123456789ABCDEF");
        assertThat(http.exchange("/api/messages", HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void withoutOidcTheChallengeOffersBasicAlone() {
        ResponseEntity<String> response = http.getForEntity("/api/messages", String.class);
        assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Basic realm=\"imarchive\"");
    }

    @Test
    void aWriteWithCredentialsNeedsNoCsrfToken() {
        ResponseEntity<String> response = as("admin").postForEntity("/api/admin/users", java.util.Map.of("username", "x"), String.class);
        assertThat(response.getStatusCode()).as("refused for its content, not for a missing CSRF token").isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
