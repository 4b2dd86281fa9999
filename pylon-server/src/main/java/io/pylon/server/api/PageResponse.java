package io.pylon.server.api;

import io.pylon.domain.common.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a listing: items, zero-based page, page size, total items. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> map) {
        return new PageResponse<>(page.items().stream().map(map).toList(), page.page(), page.size(), page.total());
    }
}
