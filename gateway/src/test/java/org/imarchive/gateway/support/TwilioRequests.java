package org.imarchive.gateway.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds Twilio webhook requests as Twilio sends them: a form body and an {@code X-Twilio-Signature} computed the
 * documented way (HMAC-SHA1 over the URL and the sorted name+value pairs), independently of the code under test.
 */
public final class TwilioRequests {
    public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";
    public static final String BUSINESS_NUMBER = "+15550001111";

    private TwilioRequests() {
    }

    public static Map<String, String> inboundText(String messageSid, String customer, String text) {
        Map<String, String> form = new TreeMap<>();
        form.put("SmsMessageSid", messageSid);
        form.put("NumMedia", "0");
        form.put("ProfileName", "Test Customer");
        form.put("MessageType", "text");
        form.put("SmsSid", messageSid);
        form.put("WaId", customer.substring(1));
        form.put("SmsStatus", "received");
        form.put("Body", text);
        form.put("To", "whatsapp:" + BUSINESS_NUMBER);
        form.put("NumSegments", "1");
        form.put("ReferralNumMedia", "0");
        form.put("MessageSid", messageSid);
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("From", "whatsapp:" + customer);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String signature(String url, Map<String, String> form) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
