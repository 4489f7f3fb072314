package org.samenkracht.identity.internal;

import org.junit.jupiter.api.Test;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single sign-on maps the provider's user onto a local account, or refuses. (Privacy issue 5, point 9.) */
class OidcAccountsTest {

    static final ClientRegistration PROVIDER = ClientRegistration.withRegistrationId("gemeente")
            .clientId("samenkracht").clientSecret("s").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid")
            .authorizationUri("https://idp.example/auth").tokenUri("https://idp.example/token")
            .jwkSetUri("https://idp.example/jwks").userNameAttributeName("sub").clientName("Gemeente").build();

    static final CurrentUser SANNE = new CurrentUser(UUID.randomUUID(), UUID.randomUUID(), "sanne", "Sanne de Wit",
            Role.PROFESSIONAL, null);

    static OidcUserRequest request(Map<String, Object> claims) {
        Instant now = Instant.now();
        var token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "t", now, now.plusSeconds(60));
        var idToken = new OidcIdToken("id", now, now.plusSeconds(60), claims);
        return new OidcUserRequest(PROVIDER, token, idToken);
    }

    final OidcAccounts accounts = new OidcAccounts(new OidcUserService(), username -> {
        if (username.equals("sanne")) {
            return new AccountPrincipal(SANNE, "{noop}x", true, null);
        }
        if (username.equals("gone")) {
            return new AccountPrincipal(SANNE, "{noop}x", false, null);
        }
        throw new UsernameNotFoundException(username);
    }, "preferred_username");

    @Test
    void a_known_account_signs_in_with_its_own_role_and_organisation() {
        var user = accounts.loadUser(request(Map.of("sub", "abc", "preferred_username", "Sanne")));
        assertThat(user).isInstanceOf(CurrentUser.Holder.class);
        assertThat(((CurrentUser.Holder) user).currentUser()).isEqualTo(SANNE);
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_PROFESSIONAL");
        assertThat(user.getName()).isEqualTo("sanne");
    }

    @Test
    void an_unknown_or_disabled_account_or_a_missing_claim_is_refused() {
        assertThatThrownBy(() -> accounts.loadUser(request(Map.of("sub", "abc", "preferred_username", "nobody"))))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("No Samenkracht account");
        assertThatThrownBy(() -> accounts.loadUser(request(Map.of("sub", "abc", "preferred_username", "gone"))))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> accounts.loadUser(request(Map.of("sub", "abc"))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }
}
