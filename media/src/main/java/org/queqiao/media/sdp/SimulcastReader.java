package org.queqiao.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one m-section's {@code a=rid} (RFC 8851) and {@code a=simulcast} (RFC 8853) lines. The two may come
 * in any order, so the layers are worked out only once the section has been read: a stream of the
 * simulcast list counts when an {@code a=rid} line declares it in the same direction.
 */
final class SimulcastReader {
    /** Browsers send a handful of layers; a bound keeps a hostile offer from naming thousands. */
    static final int MAX_RIDS = 8;
    /** RFC 8851's rid-syntax, at most 16 characters: what Chromium accepts and the rid extension carries. */
    private static final Pattern RID_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    private final Map<String, String> directionByRid = new LinkedHashMap<>();
    /** "send" and "recv" → each stream's first alternative, without the paused mark. */
    private final Map<String, List<String>> streams = new LinkedHashMap<>();
    private boolean simulcastSeen;

    /** {@code <id> <send|recv>[ <restrictions>]}; restrictions are not used. */
    void rid(String value) {
        String[] parts = value.trim().split("\\s+", 3);
        String id = valid(parts[0], "a=rid");
        if (parts.length < 2 || !(parts[1].equals("send") || parts[1].equals("recv"))) {
            throw new SdpException("a=rid without send or recv: " + value);
        }
        if (directionByRid.containsKey(id)) throw new SdpException("a=rid:" + id + " is declared twice");
        if (directionByRid.size() == MAX_RIDS) throw new SdpException("more than " + MAX_RIDS + " a=rid lines in one m-section");
        directionByRid.put(id, parts[1]);
    }

    /** {@code send <streams>[ recv <streams>]} or recv first; streams split by ";", alternatives by ",". */
    void simulcast(String value) {
        if (simulcastSeen) throw new SdpException("more than one a=simulcast in one m-section");
        simulcastSeen = true;
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 2 && parts.length != 4) throw new SdpException("a=simulcast is not <direction> <streams>: " + value);
        Set<String> named = new HashSet<>();
        for (int i = 0; i < parts.length; i += 2) {
            String direction = parts[i];
            if (!(direction.equals("send") || direction.equals("recv")) || streams.containsKey(direction)) {
                throw new SdpException("a=simulcast with a bad direction: " + value);
            }
            List<String> firsts = new ArrayList<>();
            for (String stream : parts[i + 1].split(";", -1)) {
                String[] alternatives = stream.split(",", -1);
                for (String alternative : alternatives) {
                    String id = valid(unpaused(alternative), "a=simulcast");
                    if (!named.add(id)) throw new SdpException("a=simulcast names rid " + id + " twice");
                    if (named.size() > MAX_RIDS) throw new SdpException("a=simulcast names more than " + MAX_RIDS + " rids");
                }
                firsts.add(unpaused(alternatives[0]));
            }
            streams.put(direction, firsts);
        }
    }

    /**
     * The rids of the streams listed for {@code direction} ("send" or "recv"), in the list's order, each
     * stream by its first alternative, paused ones included, and only those an {@code a=rid} line declares
     * for that direction; empty without simulcast.
     */
    List<String> layers(String direction) {
        List<String> layers = new ArrayList<>();
        for (String id : streams.getOrDefault(direction, List.of())) {
            if (direction.equals(directionByRid.get(id))) layers.add(id);
        }
        return List.copyOf(layers);
    }

    /** A paused stream is still one the sender has; it may start sending it later without a new offer. */
    private static String unpaused(String scId) { return scId.startsWith("~") ? scId.substring(1) : scId; }

    private static String valid(String id, String where) {
        if (!RID_ID.matcher(id).matches()) throw new SdpException(where + " with a malformed rid: \"" + id + "\"");
        return id;
    }
}
