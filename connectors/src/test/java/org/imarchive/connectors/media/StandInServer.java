package org.imarchive.connectors.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Provenance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that answers as a platform would; every request it receives is recorded with the
 * headers a test checks (credentials must reach the right host only).
 */
public final class StandInServer implements AutoCloseable {

    /** What a request carried. */
    public record Received(String method, String pathAndQuery, String authorization) {
    }

    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    public final List<Received> received = new CopyOnWriteArrayList<>();

    private StandInServer(HttpServer server) {
        this.server = server;
    }

    public static StandInServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StandInServer standIn = new StandInServer(server);
            server.setExecutor(standIn.threads);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers requests whose path starts with {@code pathPrefix}. */
    public StandInServer on(String pathPrefix, Handler handler) {
        server.createContext(pathPrefix, exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void respondJson(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A message of the given route carrying one attachment to fetch. */
    public static ArchivedMessage messageWith(Channel channel, Attachment attachment) {
        MessageKey key = new MessageKey(channel.platform(), "business", "message-1");
        return new ArchivedMessage("0194f5a0-1b2c-7d3e-8f40-000000000001", key, channel, "customer", Direction.INBOUND,
                Participant.of("customer"), List.of(), Instant.EPOCH, Instant.EPOCH,
                MessageContent.text("see attached").withAttachments(List.of(attachment)), null, null, Provenance.webhook(1));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
