package org.imarchive.connectors.twilio;

/**
 * Message resources as Twilio's Messages API writes them (field set and date format of the 2010-04-01 API), for the
 * stand-in server and the mapper tests. Numbers and SIDs are fake.
 */
final class TwilioApiSamples {
    static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    static final String BUSINESS = "+15550001111";

    private TwilioApiSamples() {
    }

    static String resource(String sid, String direction, String from, String to, String body, String dateSent, String status, int numMedia) {
        return "{\"account_sid\":\"" + ACCOUNT_SID + "\",\"api_version\":\"2010-04-01\",\"body\":\"" + body + "\","
                + "\"date_created\":\"Mon, 23 Nov 2026 09:59:58 +0000\",\"date_sent\":" + (dateSent == null ? "null" : "\"" + dateSent + "\"") + ","
                + "\"date_updated\":\"Mon, 23 Nov 2026 10:00:03 +0000\",\"direction\":\"" + direction + "\",\"error_code\":null,"
                + "\"error_message\":null,\"from\":\"" + from + "\",\"messaging_service_sid\":null,\"num_media\":\"" + numMedia + "\","
                + "\"num_segments\":\"1\",\"price\":null,\"price_unit\":\"USD\",\"sid\":\"" + sid + "\",\"status\":\"" + status + "\","
                + "\"subresource_uris\":{\"media\":\"/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + "/Media.json\","
                + "\"feedback\":\"/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + "/Feedback.json\"},"
                + "\"to\":\"" + to + "\",\"uri\":\"/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json\"}";
    }

    static String inbound(String sid, String customer, String body) {
        return resource(sid, "inbound", "whatsapp:" + customer, "whatsapp:" + BUSINESS, body, "Mon, 23 Nov 2026 10:00:00 +0000", "received", 0);
    }

    static String outbound(String sid, String customer, String body, String status) {
        return resource(sid, "outbound-api", "whatsapp:" + BUSINESS, "whatsapp:" + customer, body, "Mon, 23 Nov 2026 10:00:00 +0000", status, 0);
    }

    static String page(String nextPageUri, String... resources) {
        return "{\"end\":" + (resources.length - 1) + ",\"first_page_uri\":\"/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json?PageSize=1000&Page=0\","
                + "\"messages\":[" + String.join(",", resources) + "],\"next_page_uri\":" + (nextPageUri == null ? "null" : "\"" + nextPageUri + "\"")
                + ",\"page\":0,\"page_size\":1000,\"previous_page_uri\":null,\"start\":0,\"uri\":\"/2010-04-01/Accounts/" + ACCOUNT_SID
                + "/Messages.json?PageSize=1000&Page=0\"}";
    }
}
