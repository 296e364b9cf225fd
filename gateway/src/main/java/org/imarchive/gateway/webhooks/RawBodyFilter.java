package org.imarchive.gateway.webhooks;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a webhook's body as the platform sent it. A servlet container parses a form post's body into parameters the
 * first time anyone asks for one, and the bytes are gone; Twilio posts forms, and the journal must keep the raw bytes.
 * This filter reads the body first (up to one byte over the webhook limit, so an oversize body is still refused by the
 * route) and hands on a request whose stream replays those bytes and whose parameters are the query string's only.
 */
public class RawBodyFilter extends OncePerRequestFilter {
    private final int maxBytes;

    public RawBodyFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        chain.doFilter(new RawBodyRequest(request, body), response);
    }

    private static final class RawBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Map<String, String[]> queryParameters;

        RawBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            Map<String, String[]> parameters = new LinkedHashMap<>();
            if (request.getQueryString() != null) {
                UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                        .forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
            }
            this.queryParameters = Collections.unmodifiableMap(parameters);
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return bytes.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("webhook bodies are read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getParameter(String name) {
            String[] values = queryParameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return queryParameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(List.copyOf(queryParameters.keySet()));
        }

        @Override
        public String[] getParameterValues(String name) {
            return queryParameters.get(name);
        }
    }
}
