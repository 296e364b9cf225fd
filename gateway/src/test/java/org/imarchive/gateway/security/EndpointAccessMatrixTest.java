package org.imarchive.gateway.security;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.servlet.ServletEndpoint;
import org.imarchive.connectors.webhook.WebhookRequests;
import org.imarchive.gateway.support.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Every endpoint the gateway serves, walked with every role. The endpoints are read at test time from Spring's handler
 * mappings and from the Camel routes served by Camel's servlet (the webhooks, which Spring MVC never sees), so an endpoint without a row in {@code security/endpoint-access.csv} fails this test; the CSV is the
 * access table an auditor reads. Each row is probed with no credentials, each single role and the combinations people
 * are really given: a caller is let through exactly when one of their roles is in the row's list.
 */
class EndpointAccessMatrixTest extends GatewayTest {
    static final String TABLE = "/security/endpoint-access.csv";

    /** The combinations that matter: separation of duties (admin plus compliance), supervisors who also review. */
    static final List<Set<Role>> CALLERS = callers();

    @Autowired
    WebApplicationContext context;

    @Autowired
    CamelContext camel;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** One row: an endpoint, who may call it, and optionally the concrete path to probe it with. */
    record Row(String method, String pattern, String access, String probe) {
        String key() {
            return method + " " + pattern;
        }

        boolean signedByPlatform() {
            return access.equals("platform");
        }

        boolean allows(Set<Role> roles) {
            return switch (access) {
                case "anyone", "platform" -> true;
                case "nobody" -> false;
                default -> Role.parse(access.replace(' ', ',')).stream().anyMatch(roles::contains);
            };
        }

        String probePath() {
            if (probe != null) {
                return probe;
            }
            return pattern.replaceAll("\\{\\*[^}]+}", "/matrix-probe").replace("/**", "/matrix-probe").replaceAll("\\{[^}]+}", "matrix-probe");
        }
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
        Set<String> served = servedEndpoints();
        Set<String> listed = table().stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(served);
        assertThat(missing).as("endpoints without a row in " + TABLE + " (add: METHOD,path,roles)").isEmpty();
        assertThat(stale).as("rows in " + TABLE + " for endpoints that no longer exist").isEmpty();
    }

    @Test
    void eachCallerIsLetThroughExactlyWhereTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            if (row.signedByPlatform()) {
                checkSignedByPlatform(row, wrong);
                continue;
            }
            for (Set<Role> roles : CALLERS) {
                MockHttpServletResponse response = call(row, roles).getResponse();
                String who = roles.isEmpty() ? "no credentials" : Role.format(roles);
                String answer = response.getStatus() + (response.getRedirectedUrl() == null ? "" : " to " + response.getRedirectedUrl());
                if (row.allows(roles) && refused(response)) {
                    wrong.add(row.key() + " as " + who + ": " + answer + ", expected to be let through");
                } else if (!row.allows(roles) && !(roles.isEmpty() ? askedToSignIn(response) : response.getStatus() == 403)) {
                    wrong.add(row.key() + " as " + who + ": " + answer + ", expected " + (roles.isEmpty() ? "401 or a redirect to sign in" : "403"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean refused(MockHttpServletResponse response) {
        return response.getStatus() == 403 || askedToSignIn(response);
    }

    /** A 401, or, on a browser chain with a sign-in page, a redirect to it. */
    private static boolean askedToSignIn(MockHttpServletResponse response) {
        return response.getStatus() == 401 || (response.getStatus() / 100 == 3 && response.getRedirectedUrl() != null
                && response.getRedirectedUrl().contains("login"));
    }

    /**
     * Webhooks are served by Camel's servlet, which MockMvc (Spring MVC's dispatcher only) cannot reach, so they are
     * probed over the running server: an unsigned
     * request gets the same refusal from the route with or without a user's credentials, never the user chain's challenge.
     */
    private void checkSignedByPlatform(Row row, List<String> wrong) {
        HttpEntity<String> unsigned = new HttpEntity<>("{}", jsonHeaders());
        ResponseEntity<String> anonymous = http.exchange(row.probePath(), HttpMethod.valueOf(row.method()), unsigned, String.class);
        ResponseEntity<String> admin = as("admin").exchange(row.probePath(), HttpMethod.valueOf(row.method()), unsigned, String.class);
        if (!anonymous.getStatusCode().equals(admin.getStatusCode()) || !anonymous.getStatusCode().is4xxClientError()
                || anonymous.getHeaders().containsKey("WWW-Authenticate") || admin.getHeaders().containsKey("WWW-Authenticate")) {
            wrong.add(row.key() + ": unsigned " + anonymous.getStatusCode() + " anonymously and " + admin.getStatusCode()
                    + " as the admin; expected the route's own refusal, the same for both");
        }
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private MvcResult call(Row row, Set<Role> roles) throws Exception {
        String method = row.method().equals("*") ? "GET" : row.method();
        // a valid CSRF token, so that a browser chain's forms are judged on roles alone; the API ignores it
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), row.probePath()).with(csrf());
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (!roles.isEmpty()) {
            request.with(user("matrix-" + Role.format(roles).toLowerCase()).roles(roles.stream().map(Role::name).toArray(String[]::new)));
        }
        return mvc.perform(request).andReturn();
    }

    private Set<String> servedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("* " + pattern);
                    }
                    methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
                }
            }
        }
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof ServletEndpoint webhook) {
                for (String method : webhook.getHttpMethodRestrict().split(",")) {
                    endpoints.add(method + " " + WebhookRequests.SERVLET_PATH + webhook.getContextPath());
                }
            }
        }
        return endpoints;
    }

    static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(EndpointAccessMatrixTest.class.getResourceAsStream(TABLE), TABLE);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                assertThat(cells.length).as("a row is method,path,who[,probe]: " + line).isBetween(3, 4);
                rows.add(new Row(cells[0].trim(), cells[1].trim(), cells[2].trim(), cells.length == 4 && !cells[3].isBlank() ? cells[3].trim() : null));
            }
        }
        return rows;
    }

    private static List<Set<Role>> callers() {
        List<Set<Role>> callers = new ArrayList<>();
        callers.add(EnumSet.noneOf(Role.class));
        for (Role role : Role.values()) {
            callers.add(EnumSet.of(role));
        }
        callers.add(EnumSet.of(Role.ADMIN, Role.COMPLIANCE));
        callers.add(EnumSet.of(Role.ADMIN, Role.AUDITOR));
        callers.add(EnumSet.of(Role.SUPERVISOR, Role.REVIEWER));
        callers.add(EnumSet.of(Role.RM, Role.REVIEWER));
        callers.add(EnumSet.of(Role.COMPLIANCE, Role.AUDITOR));
        return List.copyOf(callers);
    }
}
