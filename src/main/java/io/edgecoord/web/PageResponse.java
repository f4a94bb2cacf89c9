package io.edgecoord.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list, in a JSON shape that does not depend on Spring Data's {@link Page}.
 *
 * @param items the items on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems the number of items on all pages
 * @param totalPages the number of pages
 * @param <T> the item type
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** The page, each item mapped for the API. */
    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
