package org.imarchive.connectors.platformapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the elements of one top-level array out of a JSON response as the bytes the platform sent, so each can be
 * journaled verbatim on its own (one Telegram update, one Twilio message resource) rather than re-serialized.
 */
public final class JsonArraySlices {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonArraySlices() {
    }

    /**
     * @param field the top-level member holding the array ({@code result}, {@code messages})
     * @return the raw bytes of each element in order; empty when the member is absent or null
     * @throws IllegalArgumentException when the body is not a JSON object, or the member is not an array
     */
    public static List<byte[]> of(byte[] json, String field) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("response is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals(name)) {
                    parser.skipChildren();
                    continue;
                }
                if (value == JsonToken.VALUE_NULL) {
                    return List.of();
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("response member " + field + " is not an array");
                }
                return elements(parser, json);
            }
            return List.of();
        } catch (IOException e) {
            // the parser's message quotes the offending text, which is payload; only the position is kept
            throw new IllegalArgumentException("response is not JSON (error near byte " + positionOf(e) + ")");
        }
    }

    private static List<byte[]> elements(JsonParser parser, byte[] json) throws IOException {
        List<byte[]> elements = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("array not closed");
            }
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            int end = (int) parser.currentLocation().getByteOffset();
            elements.add(Arrays.copyOfRange(json, start, end));
        }
        return elements;
    }

    private static long positionOf(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException processing && processing.getLocation() != null
                ? processing.getLocation().getByteOffset() : -1;
    }
}
