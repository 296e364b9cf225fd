package org.imarchive.connectors.platformapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for a platform's API on 127.0.0.1: answers each method and path as scripted and keeps every request it
 * received, so a test checks both what our client sent and what it made of the answer. Unscripted paths get 404.
 */
public final class StandInServer implements AutoCloseable {

    public record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Reply json(int status, String json) {
            return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, more);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private StandInServer(HttpServer server) {
        this.server = server;
    }

    public static StandInServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StandInServer standIn = new StandInServer(server);
            server.createContext("/", standIn::handle);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void on(String method, String path, Function<Request, Reply> handler) {
        handlers.put(method + " " + path, handler);
    }

    /** Answers the replies in turn; the last one is repeated once the others are used. */
    public void onSequence(String method, String path, Reply... replies) {
        Deque<Reply> queue = new ArrayDeque<>(List.of(replies));
        on(method, path, request -> {
            synchronized (queue) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        });
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Function<Request, Reply> handler = handlers.get(request.method() + " " + request.path());
            Reply reply = handler == null ? Reply.json(404, "{\"error\":\"not scripted\"}") : handler.apply(request);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                exchange.getResponseBody().write(reply.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
