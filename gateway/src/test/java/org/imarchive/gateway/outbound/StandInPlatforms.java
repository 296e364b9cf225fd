package org.imarchive.gateway.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Twilio's Messages API, and the Bot API's getUpdates and sendMessage, as the gateway meets them, on 127.0.0.1: the
 * documented wire formats (Twilio's create answer and paged list with next_page_uri, Telegram's {@code ok/result} and
 * error JSON). Telegram's side keeps every update until an offset above it confirms it, and holds an empty long poll
 * open, as Telegram does, so the poller's restart is tested against the real semantics.
 */
final class StandInPlatforms implements AutoCloseable {
    static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    static final String BOT_TOKEN = "123456:stand-in-token";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final int LIST_PAGE_SIZE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Call(String method, String path, String query, byte[] body) {
        Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return form;
        }

        Map<String, String> queryParams() {
            Map<String, String> params = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return params;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger sids = new AtomicInteger();
    private final Deque<String> twilioRefusals = new ArrayDeque<>();
    private final List<String> twilioList = new CopyOnWriteArrayList<>();
    private record Update(long id, String json) {
    }

    private final List<Update> updates = new ArrayList<>();
    private volatile Consumer<Call> onTwilioCreate = call -> { };

    StandInPlatforms() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls(String method, String path) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    /** Runs when a create arrives, before it is answered: what the platform could observe at that moment. */
    void onTwilioCreate(Consumer<Call> check) {
        onTwilioCreate = check;
    }

    /** The next create is refused with this Twilio error JSON (status 400). */
    void refuseNextTwilioCreate(String errorJson) {
        synchronized (twilioRefusals) {
            twilioRefusals.add(errorJson);
        }
    }

    /** The account's message list Twilio answers, message resources in order; paged {@value #LIST_PAGE_SIZE} at a time. */
    void twilioList(List<String> resources) {
        twilioList.clear();
        twilioList.addAll(resources);
    }

    synchronized void telegramUpdate(long updateId, String json) {
        updates.add(new Update(updateId, json));
        notifyAll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestBody().readAllBytes());
            calls.add(call);
            String[] reply = route(call);
            byte[] body = reply[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(reply[0]), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private String[] route(Call call) {
        String key = call.method() + " " + call.path();
        if (key.equals("POST " + MESSAGES)) {
            return twilioCreate(call);
        }
        if (key.equals("GET " + MESSAGES)) {
            return twilioListPage(call);
        }
        if (key.equals("GET /bot" + BOT_TOKEN + "/getUpdates")) {
            return getUpdates(call);
        }
        if (key.equals("POST /bot" + BOT_TOKEN + "/sendMessage")) {
            JsonNode request = call.json();
            return new String[]{"200", "{\"ok\":true,\"result\":{\"message_id\":" + (500 + sids.incrementAndGet()) + ",\"chat\":{\"id\":"
                    + request.path("chat_id").asText() + ",\"type\":\"private\"},\"date\":1764064800,\"business_connection_id\":\""
                    + request.path("business_connection_id").asText() + "\",\"text\":" + request.path("text") + "}}"};
        }
        return new String[]{"404", "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"};
    }

    private String[] twilioCreate(Call call) {
        onTwilioCreate.accept(call);
        synchronized (twilioRefusals) {
            if (!twilioRefusals.isEmpty()) {
                return new String[]{"400", twilioRefusals.poll()};
            }
        }
        Map<String, String> form = call.form();
        String sid = String.format("SM%032d", sids.incrementAndGet());
        return new String[]{"201", resource(sid, "outbound-api", form.get("From"), form.get("To"), form.get("Body"), null, "queued")};
    }

    private String[] twilioListPage(Call call) {
        int page = Integer.parseInt(call.queryParams().getOrDefault("Page", "0"));
        List<String> all = List.copyOf(twilioList);
        int from = page * LIST_PAGE_SIZE;
        List<String> items = all.subList(Math.min(from, all.size()), Math.min(from + LIST_PAGE_SIZE, all.size()));
        String next = from + LIST_PAGE_SIZE < all.size()
                ? "\"" + MESSAGES + "?PageSize=" + LIST_PAGE_SIZE + "&Page=" + (page + 1) + "&PageToken=PA" + page + "\"" : "null";
        return new String[]{"200", "{\"first_page_uri\":\"" + MESSAGES + "?PageSize=" + LIST_PAGE_SIZE + "&Page=0\",\"end\":" + (from + items.size() - 1)
                + ",\"previous_page_uri\":null,\"messages\":[" + String.join(",", items) + "],\"uri\":\"" + MESSAGES + "\",\"page_size\":"
                + LIST_PAGE_SIZE + ",\"start\":" + from + ",\"next_page_uri\":" + next + ",\"page\":" + page + "}"};
    }

    /** Every update at or above the offset (Telegram forgets those below it), or, when none is waiting, a held-open poll. */
    private synchronized String[] getUpdates(Call call) {
        Map<String, String> params = call.queryParams();
        long offset = Long.parseLong(params.getOrDefault("offset", "0"));
        long deadline = System.currentTimeMillis() + Math.min(1000, 1000L * Long.parseLong(params.getOrDefault("timeout", "0")));
        while (true) {
            List<String> waiting = updates.stream().filter(u -> u.id() >= offset).map(Update::json).toList();
            long left = deadline - System.currentTimeMillis();
            if (!waiting.isEmpty() || left <= 0) {
                return new String[]{"200", "{\"ok\":true,\"result\":[" + String.join(",", waiting) + "]}"};
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new String[]{"200", "{\"ok\":true,\"result\":[]}"};
            }
        }
    }

    static String resource(String sid, String direction, String from, String to, String body, String dateSent, String status) {
        return "{\"account_sid\":\"" + ACCOUNT_SID + "\",\"api_version\":\"2010-04-01\",\"body\":" + quoted(body) + ","
                + "\"date_created\":\"Tue, 24 Nov 2026 09:59:58 +0000\",\"date_sent\":" + (dateSent == null ? "null" : "\"" + dateSent + "\"") + ","
                + "\"date_updated\":\"Tue, 24 Nov 2026 10:00:05 +0000\",\"direction\":\"" + direction + "\",\"error_code\":null,\"error_message\":null,"
                + "\"from\":\"" + from + "\",\"messaging_service_sid\":null,\"num_media\":\"0\",\"num_segments\":\"1\",\"price\":null,"
                + "\"price_unit\":\"USD\",\"sid\":\"" + sid + "\",\"status\":\"" + status + "\",\"subresource_uris\":{\"media\":\"/2010-04-01/Accounts/"
                + ACCOUNT_SID + "/Messages/" + sid + "/Media.json\"},\"to\":\"" + to + "\",\"uri\":\"/2010-04-01/Accounts/" + ACCOUNT_SID
                + "/Messages/" + sid + ".json\"}";
    }

    private static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
