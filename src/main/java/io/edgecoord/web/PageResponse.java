package io.edgecoord.web;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.data.domain.Page;

/**
 * One page of a list: the one list shape of the API, independent of Spring Data's {@link Page}.
 *
 * @param items the items on this page
 * @param page the page number, from 0 (0 on a page reached by a cursor)
 * @param size the page size asked for
 * @param totalItems the number of items on all pages (with a cursor: from this page on)
 * @param totalPages the number of pages (with a cursor: from this page on)
 * @param nextCursor where the next page starts, on lists that grow while they are read (invocations);
 *     absent on the last page and on lists without cursors
 * @param <T> the item type
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    /** A page of a list without cursors. */
    public PageResponse(List<T> items, int page, int size, long totalItems, int totalPages) {
        this(items, page, size, totalItems, totalPages, null);
    }

    /** The page, each item mapped for the API. */
    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return of(page, mapper, null);
    }

    /** The page, each item mapped for the API, with the cursor of the page after it if there is one. */
    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper, Function<S, String> cursor) {
        List<S> content = page.getContent();
        String next = cursor != null && page.hasNext() && !content.isEmpty() ? cursor.apply(content.getLast()) : null;
        return new PageResponse<>(content.stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages(), next);
    }

    /** One page of a list held whole in memory; a page past the end is empty. */
    public static <T> PageResponse<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        List<T> items = all.subList(from, Math.min(from + size, all.size()));
        return new PageResponse<>(List.copyOf(items), page, size, all.size(), (all.size() + size - 1) / size);
    }
}
