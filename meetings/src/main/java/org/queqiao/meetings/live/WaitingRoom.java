package org.queqiao.meetings.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** People waiting to be admitted, first come first listed. Guarded by the meeting's lock. */
final class WaitingRoom {
    private final Map<UUID, Arrival> byPerson = new LinkedHashMap<>();

    void put(Arrival a) {
        byPerson.put(a.personId(), a);
    }

    Arrival byPerson(UUID personId) {
        return byPerson.get(personId);
    }

    Arrival byId(UUID id) {
        for (Arrival a : byPerson.values()) if (a.id().equals(id)) return a;
        return null;
    }

    void remove(Arrival a) {
        byPerson.remove(a.personId(), a);
    }

    boolean isEmpty() {
        return byPerson.isEmpty();
    }

    int size() {
        return byPerson.size();
    }

    List<Arrival> all() {
        return new ArrayList<>(byPerson.values());
    }

    void clear() {
        byPerson.clear();
    }
}
