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
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
                || !"GET".equals(request.getRequest().getMethod())) {
            return read.get();
        }
        String name = RequestMemo.class.getName() + ":" + key;
        Optional<T> known = (Optional<T>) request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = Optional.ofNullable(read.get());
            request.setAttribute(name, known, RequestAttributes.SCOPE_REQUEST);
        }
        return known.orElse(null);
    }

    /** What this GET already remembered under the key, without reading anything. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> recall(String key) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && "GET".equals(request.getRequest().getMethod())) {
            Optional<T> known = (Optional<T>) request.getAttribute(RequestMemo.class.getName() + ":" + key,
                    RequestAttributes.SCOPE_REQUEST);
            return known == null ? Optional.empty() : known;
        }
        return Optional.empty();
    }

    /**
     * Remembers what a wider read already brought along (the plan's versions in the plan's own
     * query), so a later {@link #remember} of the same key in this GET asks nothing.
     */
    public static <T> void know(String key, T value) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && "GET".equals(request.getRequest().getMethod())) {
            request.setAttribute(RequestMemo.class.getName() + ":" + key, Optional.ofNullable(value),
                    RequestAttributes.SCOPE_REQUEST);
        }
    }
}
