package org.imarchive.gateway.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The API speaks JSON. Twilio's SDK brings Jackson's XML module, which Spring would otherwise offer to any client that
 * prefers XML, so a browser or a misconfigured client could get the same data in a form the contract does not name.
 */
@Configuration(proxyBeanMethods = false)
public class JsonOnly implements WebMvcConfigurer {
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(MappingJackson2XmlHttpMessageConverter.class::isInstance);
    }
}
