package org.samenkracht.common.web;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index chooses the controller method Spring's full scan would choose: for every mapping of the
 * application, a concrete path for each of its patterns, each method and each media type it produces,
 * plus paths and methods that match nothing. A mapping the index left out of its bucket, a wrong
 * literal or a different tie-break fails here.
 */
@SamenkrachtTest
class IndexedHandlerMappingTest {

    static final String ID = "0b6f3c9e-6a0e-4f3e-9c1a-1d2e3f4a5b6c";

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theIndexChoosesWhatSpringsFullScanChooses() throws Exception {
        assertThat(mapping).isInstanceOf(IndexedHandlerMapping.class);
        IndexedHandlerMapping indexed = (IndexedHandlerMapping) mapping;
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int byIndex = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : indexed.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> verbs = methods.isEmpty() ? List.of("GET", "POST")
                    : methods.stream().map(Enum::name).toList();
            List<String> accepts = new ArrayList<>(info.getProducesCondition().getProducibleMediaTypes().stream()
                    .map(Object::toString).toList());
            accepts.add("*/*");
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = concrete(pattern.getPatternString());
                for (String verb : verbs) {
                    for (String accept : accepts) {
                        compared++;
                        String difference = compare(indexed, verb, path, accept);
                        if (difference != null) {
                            differences.add(difference);
                        }
                        if (indexed.usedIndex(path)) {
                            byIndex++;
                        }
                    }
                }
                // the same path with a method it does not take, and one segment more: both must answer as Spring does
                String other = compare(indexed, "PATCH", path, "*/*");
                if (other != null) {
                    differences.add(other);
                }
                String longer = compare(indexed, "GET", path + "/unknown", "*/*");
                if (longer != null) {
                    differences.add(longer);
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).isGreaterThan(400);
        // the index must actually be used for most lookups, or it saves nothing
        assertThat(byIndex).isGreaterThan(compared / 2);
    }

    private static String compare(IndexedHandlerMapping indexed, String verb, String path, String accept) {
        Object viaIndex = lookup(indexed, verb, path, accept, true);
        Object viaScan = lookup(indexed, verb, path, accept, false);
        return String.valueOf(viaIndex).equals(String.valueOf(viaScan)) ? null
                : verb + " " + path + " (" + accept + "): index " + viaIndex + ", Spring " + viaScan;
    }

    /** The chosen method, or the kind of exception (404/405/406 are exceptions at this level). */
    private static Object lookup(IndexedHandlerMapping indexed, String verb, String path, String accept, boolean index) {
        MockHttpServletRequest request = new MockHttpServletRequest(verb, path);
        request.addHeader("Accept", accept);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerMethod handler = index ? indexed.lookupHandlerMethod(path, request) : indexed.lookupWithoutIndex(path, request);
            return handler == null ? "none" : handler.getMethod().toGenericString()
                    + " vars=" + request.getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    /** A path the pattern matches: each variable becomes an id-shaped value, a wildcard one segment. */
    static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "/x").replaceAll("\\{[^}]*}", ID).replace("**", "x").replace("*", "x");
    }
}
