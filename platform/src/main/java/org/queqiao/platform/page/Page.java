package org.queqiao.platform.page;

import java.util.List;

/** One page of a cursor-paginated listing. {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    public static <T> Page<T> of(List<T> fetchedOneExtra, int limit, java.util.function.Function<T, String> cursorOf) {
        if (fetchedOneExtra.size() <= limit) {
            return new Page<>(List.copyOf(fetchedOneExtra), null);
        }
        List<T> items = List.copyOf(fetchedOneExtra.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)));
    }
}
