package org.imarchive.gateway.ui;

import org.imarchive.gateway.config.GatewayProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory;
import org.springframework.boot.web.servlet.server.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Marks the UI's session cookie {@code Secure} when {@code gateway.public-url} is https, so a browser never sends it
 * over plain HTTP. Behind a proxy that ends TLS the container sees plain HTTP and would leave the flag off on its own.
 * An explicit {@code server.servlet.session.cookie.secure} wins: this runs after the {@code server.*} settings.
 */
@Configuration(proxyBeanMethods = false)
public class SessionCookieOverTls {

    @Bean
    WebServerFactoryCustomizer<AbstractServletWebServerFactory> secureSessionCookieWhenServedOverTls(GatewayProperties gateway) {
        return factory -> secureWhenPublicUrlIsHttps(factory.getSession().getCookie(), gateway.publicUrl());
    }

    static void secureWhenPublicUrlIsHttps(Session.Cookie cookie, String publicUrl) {
        if (cookie.getSecure() == null && publicUrl != null && publicUrl.regionMatches(true, 0, "https://", 0, "https://".length())) {
            cookie.setSecure(true);
        }
    }
}
