package org.imarchive.bench.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopLoadHttpTest {

    @Test
    void aResponseWithContentLengthIsCompleteOnceItsBodyHasArrived() {
        String head = "HTTP/1.1 200 \r\nContent-Type: text/xml\r\nContent-Length: 10\r\n\r\n";
        assertThat(OpenLoopLoad.Http.completeResponse(received(head + "01234"))).isZero();
        assertThat(OpenLoopLoad.Http.completeResponse(received(head + "0123456789"))).isEqualTo(200);
    }

    @Test
    void aChunkedResponseIsCompleteAtItsLastChunk() {
        String head = "HTTP/1.1 403 \r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(OpenLoopLoad.Http.completeResponse(received(head + "5\r\nhello\r\n"))).isZero();
        assertThat(OpenLoopLoad.Http.completeResponse(received(head + "5\r\nhello\r\n0\r\n\r\n"))).isEqualTo(403);
    }

    @Test
    void aResponseThatClosesTheConnectionSaysSo() {
        ByteBuffer closing = received("HTTP/1.1 200 \r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        ByteBuffer keepAlive = received("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n");
        assertThat(OpenLoopLoad.Http.closes(closing)).isTrue();
        assertThat(OpenLoopLoad.Http.closes(keepAlive)).isFalse();
    }

    private static ByteBuffer received(String response) {
        return ByteBuffer.allocate(4096).put(response.getBytes(StandardCharsets.ISO_8859_1));
    }
}
