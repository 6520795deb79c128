package io.scenicpass.channel.model;

import java.util.Collections;
import java.util.List;

/** The never-null, read-only view that the model's list getters ({@code getUnitItems()}) return. */
final class ModelLists {
    private ModelLists() {}

    static <T> List<T> view(@Nullable List<T> list) {
        return list == null ? Collections.emptyList() : Collections.unmodifiableList(list);
    }
}
