package org.imarchive.production.loadfile;

import java.util.List;

/** One message as the load file lists it; paths are relative to the production's root. */
public record LoadFileRow(
        String begBates,
        String endBates,
        String controlNumber,
        String messageId,
        String platformMessageId,
        String conversationId,
        String platformConversationId,
        String platform,
        String channel,
        String direction,
        String sender,
        String recipients,
        String sentUtc,
        int versions,
        String deletedUtc,
        String pdfPath,
        String emlPath,
        String rsmfPath,
        List<String> nativePaths,
        List<String> attachmentSha256s,
        List<String> recordHashes) {

    static final List<String> COLUMNS = List.of("BegBates", "EndBates", "ControlNumber", "MessageId", "PlatformMessageId",
            "ConversationId", "PlatformConversationId", "Platform", "Channel", "Direction", "Sender", "Recipients", "SentUtc",
            "Versions", "DeletedUtc", "PdfPath", "EmlPath", "RsmfPath", "NativePaths", "AttachmentSha256", "RecordHashes");

    List<String> values() {
        return java.util.Arrays.asList(begBates, endBates, controlNumber, messageId, platformMessageId, conversationId,
                platformConversationId, platform, channel, direction, sender, recipients, sentUtc, Integer.toString(versions),
                deletedUtc, pdfPath, emlPath, rsmfPath, String.join(";", nativePaths), String.join(";", attachmentSha256s),
                String.join(";", recordHashes));
    }
}
