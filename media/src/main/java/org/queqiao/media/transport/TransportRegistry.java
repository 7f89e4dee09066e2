package org.queqiao.media.transport;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds transports by the local ufrag a connectivity check names and by the remote address a valid check
 * bound. Lookups on the reader thread neither lock nor allocate.
 */
final class TransportRegistry {
    private final ConcurrentHashMap<String, PeerTransport> byUfrag = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, PeerTransport> byAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PeerTransport, Boolean> all = new ConcurrentHashMap<>();

    void add(PeerTransport transport) { all.put(transport, Boolean.TRUE); }

    void remove(PeerTransport transport) { all.remove(transport); }

    Collection<PeerTransport> all() { return new ArrayList<>(all.keySet()); }

    void registerUfrag(String ufrag, PeerTransport transport) { byUfrag.put(ufrag, transport); }

    void unregisterUfrag(String ufrag, PeerTransport transport) { byUfrag.remove(ufrag, transport); }

    PeerTransport byUfrag(String ufrag) { return byUfrag.get(ufrag); }

    /** Points {@code address} at {@code transport}, taking it from any transport that had it. */
    void bind(InetSocketAddress address, PeerTransport transport) { byAddress.put(address, transport); }

    void unbind(InetSocketAddress address, PeerTransport transport) {
        if (address != null) byAddress.remove(address, transport);
    }

    PeerTransport byAddress(InetSocketAddress address) { return byAddress.get(address); }
}
