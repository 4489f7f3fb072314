package org.samenkracht.common.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A read remembered for the rest of one GET request, so a page that shows the same thing in two
 * places (the network in the plan's names and in its step form, the person in the header and the
 * timeline) asks the database once. Only GET: a request that changes something reads afresh.
 * Outside a request it simply reads.
 */
public final class RequestMemo {

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T remember(String key, Supplier<T> read) {
        Optional<ServletRequestAttributes> get = aGet();
        if (get.isEmpty()) {
            return read.get();
        }
        Optional<T> known = (Optional<T>) get.get().getAttribute(name(key), RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = Optional.ofNullable(read.get());
            get.get().setAttribute(name(key), known, RequestAttributes.SCOPE_REQUEST);
        }
        return known.orElse(null);
    }

    /** What this GET already remembered under the key, without reading anything. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> recall(String key) {
        return aGet().map(r -> (Optional<T>) r.getAttribute(name(key), RequestAttributes.SCOPE_REQUEST))
                .flatMap(known -> known);
    }

    /**
     * Remembers what a wider read already brought along (the plan's versions in the plan's own
     * query), so a later {@link #remember} of the same key in this GET asks nothing.
     */
    public static <T> void know(String key, T value) {
        aGet().ifPresent(r -> r.setAttribute(name(key), Optional.ofNullable(value), RequestAttributes.SCOPE_REQUEST));
    }

    /** The current request, if it is a GET: only a GET remembers. */
    private static Optional<ServletRequestAttributes> aGet() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && "GET".equals(request.getRequest().getMethod()) ? Optional.of(request) : Optional.empty();
    }

    private static String name(String key) {
        return RequestMemo.class.getName() + ":" + key;
    }
}
