package org.samenkracht.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's attributes are deserialised once per content, and nothing mutable is handed out twice. */
class RememberedSessionAttributesTest {

    private final SerializingConverter serialize = new SerializingConverter();
    private final AtomicInteger deserialised = new AtomicInteger();
    private final QuietSessions.RememberedAttributes attributes = new QuietSessions.RememberedAttributes(bytes -> {
        deserialised.incrementAndGet();
        return new DeserializingConverter(getClass().getClassLoader()).convert(bytes);
    });

    private static SecurityContext signedIn(String name) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_PROFESSIONAL"))));
    }

    @Test
    void the_same_security_context_is_read_once_and_each_request_gets_its_own_wrapper() {
        byte[] bytes = serialize.convert(signedIn("sanne"));
        SecurityContext first = (SecurityContext) attributes.convert(bytes);
        SecurityContext second = (SecurityContext) attributes.convert(bytes.clone());

        assertThat(deserialised).hasValue(1);
        assertThat(second).isNotSameAs(first);
        assertThat(second.getAuthentication().getName()).isEqualTo("sanne");
        // signing out in one request empties that request's context, not the one the next request gets
        first.setAuthentication(null);
        assertThat(((SecurityContext) attributes.convert(bytes)).getAuthentication().getName()).isEqualTo("sanne");
    }

    @Test
    void different_bytes_are_different_sessions() {
        SecurityContext sanne = (SecurityContext) attributes.convert(serialize.convert(signedIn("sanne")));
        SecurityContext pieter = (SecurityContext) attributes.convert(serialize.convert(signedIn("pieter")));

        assertThat(sanne.getAuthentication().getName()).isEqualTo("sanne");
        assertThat(pieter.getAuthentication().getName()).isEqualTo("pieter");
        assertThat(deserialised).hasValue(2);
    }

    @Test
    void immutable_values_are_shared_and_anything_else_is_read_every_time() {
        byte[] token = serialize.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "abc"));
        assertThat(attributes.convert(token)).isSameAs(attributes.convert(token));
        assertThat(attributes.convert(serialize.convert(Boolean.TRUE))).isEqualTo(true);

        byte[] list = serialize.convert(new ArrayList<>(List.of("a")));
        Object first = attributes.convert(list);
        assertThat(attributes.convert(list)).isEqualTo(first).isNotSameAs(first);
        assertThat(attributes.size()).isEqualTo(2);
    }

    @Test
    void its_memory_is_bounded() {
        for (int i = 0; i <= QuietSessions.RememberedAttributes.LIMIT + 10; i++) {
            attributes.convert(serialize.convert("text " + i));
        }
        assertThat(attributes.size()).isLessThanOrEqualTo(QuietSessions.RememberedAttributes.LIMIT);
    }
}
