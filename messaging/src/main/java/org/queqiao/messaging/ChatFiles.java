package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.blob.BlobStore;
import org.queqiao.platform.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files and images in conversations: uploaded bytes go to the content-addressed blob store, the
 * conversation records that it holds the file, and a file (or image) message is posted. Only members
 * of a conversation that holds a file may download it.
 */
public final class ChatFiles {
    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Pattern CONTENT_TYPE = Pattern.compile("^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$");

    private final ConversationStore conversations;
    private final org.queqiao.messaging.store.MessageStore messages;
    private final ChatAccess access;
    private final ChatLog log;
    private final BlobStore blobs;
    private final long maxBytes;
    private final Clock clock;

    ChatFiles(ConversationStore conversations, org.queqiao.messaging.store.MessageStore messages, ChatAccess access, ChatLog log, BlobStore blobs,
              long maxBytes, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
        this.log = log;
        this.blobs = blobs;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Stores the upload and posts it as a file or image message (idempotent by {@code clientMsgId}, like any send). */
    public SendResult upload(Principal p, UUID conversationId, String clientMsgId, String name, String contentType, String caption, InputStream body) {
        String fileName = fileName(name);
        String type = contentType(contentType);
        Seat seat = access.seat(p, conversationId); // refuse outsiders before reading a byte
        seat.requireOpen();
        // a retried upload whose first attempt was stored: answer at once, without reading the bytes again
        var earlier = messages.findByClientMsgId(conversationId, p.memberId(), clientMsgId == null ? "" : clientMsgId);
        if (earlier.isPresent()) return new SendResult(earlier.get(), true);
        BlobStore.Blob blob;
        try {
            blob = blobs.put(body, maxBytes);
        } catch (BlobStore.TooLargeException e) {
            throw new ProblemException(413, "file_too_large", "Files are limited to " + maxBytes / (1024 * 1024) + " MB", "file", Map.of("limit", maxBytes));
        } catch (IOException e) {
            throw ProblemException.invalid("file", "upload_failed", "The upload was interrupted; send the file again");
        }
        if (blob.size() == 0) throw ProblemException.invalid("file", "empty_file", "The file is empty");
        // the file becomes the conversation's only together with its message: a refused send (muted,
        // rate-limited, a blocked caption) leaves nobody able to download it
        ChatFile file = new ChatFile(conversationId, blob.sha256(), fileName, type, blob.size(), p.memberId(), clock.instant());
        return log.sendAttachment(p, conversationId, clientMsgId, new MessageBody.Attachment(blob.sha256(), fileName, type, blob.size()), caption,
                e -> conversations.recordFile(file));
    }

    /** The file and its bytes, for a member of a conversation it was posted in. The caller closes the stream. */
    public Download download(Principal p, UUID conversationId, String sha256) {
        access.seat(p, conversationId);
        ChatFile f = conversations.findFile(conversationId, sha256 == null ? "" : sha256).orElseThrow(ChatFiles::notFound);
        try {
            return new Download(f, blobs.open(f.sha256()).orElseThrow(ChatFiles::notFound));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Download(ChatFile file, InputStream content) {}

    static boolean isImage(String contentType) {
        return IMAGES.contains(contentType);
    }

    /** Whether a browser may show the file inline (images we know); anything else downloads. */
    public static boolean isInline(String contentType) {
        return isImage(contentType);
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) throw ProblemException.invalid("name", "required", "name (the file name) is required");
        String n = name.strip();
        // a name, not a path: keep what follows the last separator
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        if (n.isEmpty() || n.codePointCount(0, n.length()) > 255) throw ProblemException.invalid("name", "invalid_file_name", "The file name must be 1 to 255 characters");
        for (int i = 0; i < n.length(); i++) {
            if (Character.isISOControl(n.charAt(i))) throw ProblemException.invalid("name", "invalid_file_name", "The file name must not contain control characters");
        }
        return n;
    }

    private static String contentType(String contentType) {
        if (contentType == null || contentType.isBlank()) return "application/octet-stream";
        String t = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!CONTENT_TYPE.matcher(t).matches()) throw ProblemException.invalid("Content-Type", "invalid_content_type", "Content-Type is not a valid media type");
        return t;
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "no_such_file", "There is no such file in this conversation", null, null);
    }
}
