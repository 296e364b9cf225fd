package org.imarchive.gateway.ui;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.server.Session;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieOverTlsTest {

    @Test
    void anHttpsPublicUrlMakesTheSessionCookieSecure() {
        Session.Cookie cookie = new Session().getCookie();
        SessionCookieOverTls.secureWhenPublicUrlIsHttps(cookie, "HTTPS://archive.example.com");
        assertThat(cookie.getSecure()).isTrue();
    }

    @Test
    void plainHttpOrNoPublicUrlLeavesItToTheContainer() {
        Session.Cookie overHttp = new Session().getCookie();
        SessionCookieOverTls.secureWhenPublicUrlIsHttps(overHttp, "http://127.0.0.1:8080");
        Session.Cookie unset = new Session().getCookie();
        SessionCookieOverTls.secureWhenPublicUrlIsHttps(unset, null);

        assertThat(overHttp.getSecure()).isNull();
        assertThat(unset.getSecure()).isNull();
    }

    @Test
    void anOperatorsExplicitSettingWins() {
        Session.Cookie cookie = new Session().getCookie();
        cookie.setSecure(false);
        SessionCookieOverTls.secureWhenPublicUrlIsHttps(cookie, "https://archive.example.com");
        assertThat(cookie.getSecure()).isFalse();
    }
}
