package org.samenkracht.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a request's controller method among only the mappings that can match its path.
 *
 * <p>Spring MVC finds a path without variables ({@code /persons}) by a hash lookup, but a path with
 * variables ({@code /api/v1/persons/{id}}) by testing every one of the application's ~500 mappings in
 * turn, each test asking the request (through every filter's wrapper) for its method, attributes and
 * parsed path. At 100 000 persons that scan was 19 % of an API request's CPU (docs/performance.md,
 * issue 13). This index keeps, per number of path segments and first segment, the mappings that could
 * match; those are then matched, sorted and chosen exactly as Spring does.
 *
 * <p>Whenever the index cannot be sure, Spring's own full lookup decides: no candidate matched (so
 * 404/405/406/415 answers stay Spring's), a path with a direct (variable-free) mapping, an encoded,
 * matrix or trailing-slash path, a CORS pre-flight, two equally good matches (Spring's ambiguity
 * error), or mappings registered at run time. {@code IndexedHandlerMappingTest} checks, for every
 * mapping, that both lookups choose the same method.
 */
final class IndexedHandlerMapping extends RequestMappingHandlerMapping {

    private volatile Index index;

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        index = Index.of(handlerMethods);
    }

    // A mapping added or removed at run time is not in the index: from then on Spring alone decides.
    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        index = null;
        super.registerMapping(mapping, handler, method);
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        index = null;
        super.unregisterMapping(mapping);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index current = index;
        List<Candidate> candidates = current == null ? null : current.candidates(lookupPath);
        if (candidates == null || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<Candidate> matched = new ArrayList<>(2);
        List<RequestMappingInfo> matches = new ArrayList<>(2);
        for (Candidate candidate : candidates) {
            RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
            if (match != null && !matched.contains(candidate)) {
                matched.add(candidate);
                matches.add(match);
            }
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        int best = 0;
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
            for (int i = 1; i < matches.size(); i++) {
                if (comparator.compare(matches.get(i), matches.get(best)) < 0) {
                    best = i;
                }
            }
            for (int i = 0; i < matches.size(); i++) {
                if (i != best && comparator.compare(matches.get(i), matches.get(best)) == 0) {
                    return super.lookupHandlerMethod(lookupPath, request);
                }
            }
        }
        HandlerMethod handler = matched.get(best).handler();
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(matches.get(best), lookupPath, request);
        return handler;
    }

    /** Whether the index chose the candidates for this path (for {@code IndexedHandlerMappingTest}). */
    boolean usedIndex(String lookupPath) {
        Index current = index;
        return current != null && current.candidates(lookupPath) != null;
    }

    /** Spring's full lookup, for {@code IndexedHandlerMappingTest} to compare with. */
    HandlerMethod lookupWithoutIndex(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    /** One pattern of one mapping: its literal segments (null where a variable stands). */
    record Candidate(RequestMappingInfo info, HandlerMethod handler, String[] literals) {

        boolean fits(String[] segments) {
            for (int i = 0; i < literals.length; i++) {
                if (literals[i] != null && !literals[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }

        // Equal by mapping: a mapping with two patterns that both fit is one match, as in Spring.
        @Override
        public boolean equals(Object other) {
            return other instanceof Candidate c && c.info == info;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(info);
        }
    }

    record Index(Map<String, List<Candidate>> buckets, Set<String> directPaths, List<Candidate> always) {

        static Index of(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
            Map<String, List<Candidate>> buckets = new HashMap<>();
            Set<String> directPaths = new HashSet<>();
            List<Candidate> always = new ArrayList<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMethods.entrySet()) {
                RequestMappingInfo info = entry.getKey();
                if (info.getPathPatternsCondition() == null || info.getPathPatternsCondition().getPatterns().isEmpty()) {
                    always.add(new Candidate(info, entry.getValue(), new String[0]));
                    continue;
                }
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    String text = pattern.getPatternString();
                    if (text.contains("**") || text.contains("{*") || !text.startsWith("/")) {
                        always.add(new Candidate(info, entry.getValue(), new String[0]));
                        continue;
                    }
                    String[] segments = segments(text);
                    String[] literals = new String[segments.length];
                    boolean direct = true;
                    for (int i = 0; i < segments.length; i++) {
                        String s = segments[i];
                        boolean literal = s.indexOf('{') < 0 && s.indexOf('*') < 0 && s.indexOf('?') < 0;
                        literals[i] = literal ? s : null;
                        direct &= literal;
                    }
                    if (direct) {
                        directPaths.add(text);
                    }
                    if (literals[0] == null) { // a pattern starting with a variable: no bucket can hold it
                        always.add(new Candidate(info, entry.getValue(), new String[0]));
                        continue;
                    }
                    buckets.computeIfAbsent(key(literals.length, literals[0]), k -> new ArrayList<>())
                            .add(new Candidate(info, entry.getValue(), literals));
                }
            }
            return new Index(buckets, directPaths, List.copyOf(always));
        }

        /** The mappings that could match {@code lookupPath}, or null when Spring must decide alone. */
        List<Candidate> candidates(String lookupPath) {
            if (lookupPath.length() < 2 || lookupPath.charAt(0) != '/'
                    || lookupPath.endsWith("/") || lookupPath.contains("//")
                    || lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0
                    || directPaths.contains(lookupPath)) {
                return null;
            }
            String[] segments = segments(lookupPath);
            List<Candidate> fitting = new ArrayList<>(always);
            for (Candidate candidate : buckets.getOrDefault(key(segments.length, segments[0]), List.of())) {
                if (candidate.fits(segments)) {
                    fitting.add(candidate);
                }
            }
            return fitting.isEmpty() ? null : fitting;
        }

        private static String[] segments(String path) {
            return path.substring(1).split("/", -1);
        }

        private static String key(int length, String first) {
            return length + "/" + first;
        }
    }
}
