package org.imarchive.connectors.twilio;

import org.imarchive.archive.pipeline.MalformedPayloadException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes Twilio's {@code application/x-www-form-urlencoded} bodies. The signature check and the normalizer must see
 * the same parameters, so both read the raw captured bytes through this one decoder.
 */
public final class TwilioForm {

    private TwilioForm() {
    }

    /**
     * @return every parameter in arrival order, each with all its values; decoding is strict UTF-8, because a
     *         replacement character silently put into a message body would falsify the record
     * @throws MalformedPayloadException on a broken percent escape or bytes that are not UTF-8
     */
    public static Map<String, List<String>> decode(byte[] body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    addPair(params, body, start, i);
                }
                start = i + 1;
            }
        }
        params.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return Collections.unmodifiableMap(params);
    }

    private static void addPair(Map<String, List<String>> params, byte[] body, int from, int to) {
        int equals = from;
        while (equals < to && body[equals] != '=') {
            equals++;
        }
        String name = decode(body, from, equals);
        String value = equals < to ? decode(body, equals + 1, to) : "";
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    private static String decode(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new MalformedPayloadException("form body has a truncated percent escape");
                }
                int high = Character.digit((char) (body[i + 1] & 0xFF), 16);
                int low = Character.digit((char) (body[i + 2] & 0xFF), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedPayloadException("form body has an invalid percent escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException("form body is not UTF-8", e);
        }
    }
}
