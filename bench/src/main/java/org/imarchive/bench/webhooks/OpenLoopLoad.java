package org.imarchive.bench.webhooks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * An open-loop HTTP/1.1 load that costs the machine as little as it can, so the gateway it measures keeps the CPU: the
 * requests are encoded (and signed) before the clock starts, and one thread sends and receives them over raw
 * keep-alive sockets with a selector, one request in flight per connection, opening another connection whenever a
 * request falls due and none is idle (as a platform's webhook sender does).
 *
 * <p>Request {@code n} is due at {@code start + n / rate}, whatever happened to the requests before it, and its latency
 * counts from that due time, not from when it could be sent: a gateway that stalls is charged for the whole queue
 * behind the stall (no coordinated omission). Requests before {@code warmUp} are sent but not counted, so the
 * figures describe a gateway whose code is compiled and whose pools are full.
 */
final class OpenLoopLoad {
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    /** What one run measured; latencies are of the counted 200s, sorted, in nanoseconds. */
    record Result(int counted, int ok, int errors, long[] latencies, long[] sendLags, int connectionsOpened, long measuredNanos,
                  long generatorCpuNanos, long loopCpuNanos, long gatewayCpuNanos) {

        double percentileMillis(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    private final InetSocketAddress target;
    private final List<byte[]> requests;
    private final int rate;
    private final int firstCounted;
    private final int maxConnections;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private final Selector selector;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private int open;
    private int connecting;
    private int connectionsOpened;
    private int completed;
    private int ok;
    private int errors;
    private final long[] latencies;
    private final long[] sendLags;
    private int latencyCount;
    private long start;
    private long lastAnswer;

    /**
     * @param requests     whole HTTP/1.1 requests, sent in this order at {@code rate} per second
     * @param firstCounted the index of the first request whose latency is counted (the ones before warm up)
     */
    OpenLoopLoad(InetSocketAddress target, List<byte[]> requests, int rate, int firstCounted, int maxConnections) throws IOException {
        this.target = target;
        this.requests = requests;
        this.rate = rate;
        this.firstCounted = firstCounted;
        this.maxConnections = maxConnections;
        this.selector = Selector.open();
        this.latencies = new long[requests.size() - firstCounted];
        this.sendLags = new long[requests.size() - firstCounted];
    }

    /**
     * Runs the load to its last answer (or until {@code giveUpAfterNanos}, counting what is unanswered as errors).
     * CPU is counted from the first counted request's due time: this process's, its send/receive loop's, and the
     * gateway's (from {@code gatewayCpuNanos}).
     */
    Result run(int initialConnections, long giveUpAfterNanos, LongSupplier gatewayCpuNanos) throws IOException {
        for (int i = 0; i < initialConnections; i++) {
            connect();
        }
        long connectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (connecting > 0 && System.nanoTime() < connectDeadline) {
            selector.select(10);
            handleReady();
        }
        long cpuBefore = 0;
        long loopCpuBefore = 0;
        long gatewayCpuBefore = 0;
        start = System.nanoTime();
        int total = requests.size();
        int next = 0;
        long giveUp = start + giveUpAfterNanos;
        while (completed < total && System.nanoTime() < giveUp) {
            long now = System.nanoTime();
            int due = (int) Math.min(total, (now - start) * rate / 1_000_000_000L + 1);
            while (next < due) {
                Connection connection = idle.poll();
                if (connection == null) {
                    // one new connection per request waiting beyond those already on their way
                    while (connecting < due - next && open + connecting < maxConnections) {
                        connect();
                    }
                    break;
                }
                if (next == firstCounted) {
                    cpuBefore = processCpuNanos();
                    loopCpuBefore = threads.getCurrentThreadCpuTime();
                    gatewayCpuBefore = gatewayCpuNanos.getAsLong();
                }
                send(connection, next++, now);
            }
            long wait = next < total && next >= due ? dueTime(next) - System.nanoTime() : TimeUnit.MILLISECONDS.toNanos(1);
            if (wait <= 0) {
                selector.selectNow();
            } else {
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
            }
            handleReady();
        }
        long measured = lastAnswer - dueTime(firstCounted);
        long loopCpu = threads.getCurrentThreadCpuTime() - loopCpuBefore;
        long cpu = processCpuNanos() - cpuBefore;
        long gatewayCpu = gatewayCpuNanos.getAsLong() - gatewayCpuBefore;
        errors += total - completed;
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
        long[] sortedLatencies = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sortedLatencies);
        long[] sortedLags = sendLags.clone();
        Arrays.sort(sortedLags);
        return new Result(total - firstCounted, ok, errors, sortedLatencies, sortedLags, connectionsOpened, measured, cpu, loopCpu, gatewayCpu);
    }

    private long dueTime(int request) {
        return start + request * 1_000_000_000L / rate;
    }

    private void connect() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Connection connection = new Connection(channel);
        connecting++;
        connectionsOpened++;
        if (channel.connect(target)) {
            connected(connection);
        } else {
            channel.register(selector, SelectionKey.OP_CONNECT, connection);
        }
    }

    private void connected(Connection connection) throws IOException {
        connecting--;
        open++;
        connection.channel.register(selector, SelectionKey.OP_READ, connection);
        idle.add(connection);
    }

    private void send(Connection connection, int request, long now) throws IOException {
        connection.request = request;
        connection.out = ByteBuffer.wrap(requests.get(request));
        connection.in.clear();
        if (request >= firstCounted) {
            sendLags[request - firstCounted] = now - dueTime(request);
        }
        write(connection);
    }

    private void write(Connection connection) throws IOException {
        try {
            connection.channel.write(connection.out);
        } catch (IOException e) {
            finish(connection, -1, true);
            return;
        }
        connection.channel.keyFor(selector).interestOps(connection.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void handleReady() throws IOException {
        var ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
            SelectionKey key = ready.next();
            ready.remove();
            Connection connection = (Connection) key.attachment();
            if (!key.isValid()) {
                continue;
            }
            if (key.isConnectable()) {
                try {
                    connection.channel.finishConnect();
                    connected(connection);
                } catch (IOException e) {
                    connecting--;
                    errors++;
                    connection.channel.close();
                }
            } else if (key.isWritable()) {
                write(connection);
            } else if (key.isReadable()) {
                read(connection);
            }
        }
    }

    private void read(Connection connection) throws IOException {
        int read;
        try {
            read = connection.channel.read(connection.in);
        } catch (IOException e) {
            read = -1;
        }
        if (read < 0) {
            if (connection.request >= 0) {
                finish(connection, -1, true);
            } else {
                // the gateway closed an idle keep-alive connection
                idle.remove(connection);
                close(connection);
            }
            return;
        }
        if (connection.request < 0) {
            return;
        }
        int status = Http.completeResponse(connection.in);
        if (status > 0) {
            finish(connection, status, Http.closes(connection.in));
        } else if (!connection.in.hasRemaining()) {
            connection.in = ByteBuffer.allocate(connection.in.capacity() * 2).put(connection.in.flip());
        }
    }

    private void finish(Connection connection, int status, boolean close) throws IOException {
        int request = connection.request;
        connection.request = -1;
        completed++;
        lastAnswer = System.nanoTime();
        if (status == 200) {
            ok++;
            if (request >= firstCounted) {
                latencies[latencyCount++] = System.nanoTime() - dueTime(request);
            }
        } else {
            errors++;
        }
        if (close) {
            close(connection);
        } else {
            idle.add(connection);
        }
    }

    private void close(Connection connection) throws IOException {
        open--;
        connection.channel.close();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static final class Connection {
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(4096);
        ByteBuffer out;
        int request = -1;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /** Just enough HTTP/1.1 response parsing for a load generator: status, Content-Length or chunked, Connection. */
    static final class Http {
        private Http() {
        }

        /** @return the status code once {@code received} (in write mode) holds a whole response, else 0 */
        static int completeResponse(ByteBuffer received) {
            byte[] bytes = received.array();
            int length = received.position();
            int headerEnd = indexOf(bytes, 0, length, HEADER_END);
            if (headerEnd < 0) {
                return 0;
            }
            String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
            int bodyStart = headerEnd + HEADER_END.length;
            String contentLength = header(head, "content-length");
            boolean complete;
            if (contentLength != null) {
                complete = length - bodyStart >= Integer.parseInt(contentLength.trim());
            } else if ("chunked".equalsIgnoreCase(String.valueOf(header(head, "transfer-encoding")).trim())) {
                complete = chunkedComplete(bytes, bodyStart, length);
            } else {
                throw new IllegalStateException("a response with neither Content-Length nor chunked encoding: " + head);
            }
            return complete ? Integer.parseInt(head.substring(9, 12)) : 0;
        }

        static boolean closes(ByteBuffer received) {
            byte[] bytes = received.array();
            int headerEnd = indexOf(bytes, 0, received.position(), HEADER_END);
            return "close".equalsIgnoreCase(String.valueOf(header(new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1), "connection")).trim());
        }

        private static boolean chunkedComplete(byte[] bytes, int from, int length) {
            int position = from;
            while (true) {
                int lineEnd = indexOf(bytes, position, length, new byte[]{'\r', '\n'});
                if (lineEnd < 0) {
                    return false;
                }
                String sizeField = new String(bytes, position, lineEnd - position, StandardCharsets.ISO_8859_1);
                int semicolon = sizeField.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeField : sizeField.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    return indexOf(bytes, lineEnd, length, HEADER_END) == lineEnd;
                }
                position = lineEnd + 2 + size + 2;
                if (position > length) {
                    return false;
                }
            }
        }

        private static String header(String head, String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1);
                }
            }
            return null;
        }

        private static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
            outer:
            for (int i = from; i <= to - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (bytes[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
