package org.samenkracht.identity.internal;

import org.samenkracht.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;

/**
 * Single sign-on through OpenID Connect (issue 5, point 9), active only when an identity provider is
 * configured ({@code spring.security.oauth2.client.registration.<id>.*}). The provider vouches for who
 * someone is; Samenkracht still decides what they may do: the claim named by
 * {@code samenkracht.oidc.username-claim} (default {@code preferred_username}) must match an enabled
 * local account, whose role and organisation then apply. Unknown people are refused.
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final UserDetailsService accounts;
    private final String usernameClaim;
    private final java.util.Set<String> vouchingAmr;
    private final java.util.Set<String> vouchingAcr;

    @org.springframework.beans.factory.annotation.Autowired
    OidcAccounts(UserDetailsService accounts, @Value("${samenkracht.oidc.username-claim:preferred_username}") String usernameClaim,
                 @Value("${samenkracht.oidc.second-factor-amr:mfa,otp,hwk,swk}") java.util.Set<String> vouchingAmr,
                 @Value("${samenkracht.oidc.second-factor-acr:}") java.util.Set<String> vouchingAcr) {
        this(new OidcUserService(), accounts, usernameClaim, vouchingAmr, vouchingAcr);
    }

    OidcAccounts(OAuth2UserService<OidcUserRequest, OidcUser> provider, UserDetailsService accounts, String usernameClaim) {
        this(provider, accounts, usernameClaim, java.util.Set.of("mfa", "otp", "hwk", "swk"), java.util.Set.of());
    }

    OidcAccounts(OAuth2UserService<OidcUserRequest, OidcUser> provider, UserDetailsService accounts, String usernameClaim,
                 java.util.Set<String> vouchingAmr, java.util.Set<String> vouchingAcr) {
        this.provider = provider;
        this.accounts = accounts;
        this.usernameClaim = usernameClaim;
        this.vouchingAmr = vouchingAmr;
        this.vouchingAcr = vouchingAcr;
    }

    /**
     * The provider vouches for a second factor when its {@code amr} claim names one (RFC 8176: mfa,
     * otp, hwk, swk by default) or its {@code acr} is one of the configured levels.
     */
    boolean vouchesSecondFactor(OidcUser oidc) {
        Object amr = oidc.getClaims().get("amr");
        if (amr instanceof java.util.Collection<?> methods && methods.stream().map(String::valueOf).anyMatch(vouchingAmr::contains)) {
            return true;
        }
        String acr = oidc.getClaimAsString("acr");
        return acr != null && vouchingAcr.contains(acr);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = provider.loadUser(request);
        String username = oidc.getClaimAsString(usernameClaim);
        if (username == null || username.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("no_username", "The identity provider sent no " + usernameClaim, null));
        }
        AccountPrincipal account;
        try {
            account = (AccountPrincipal) accounts.loadUserByUsername(username.trim().toLowerCase());
        } catch (UsernameNotFoundException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("unknown_account", "No Samenkracht account for " + username, null));
        }
        if (!account.isEnabled() || !account.isAccountNonLocked()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("account_disabled", "The account is disabled or locked", null));
        }
        return new OidcAccountPrincipal(account.currentUser(), oidc.getIdToken(), oidc.getUserInfo(), account.getAuthorities(),
                vouchesSecondFactor(oidc));
    }

    /** The signed-in account after single sign-on: the provider's tokens, the local account's identity. */
    record OidcAccountPrincipal(CurrentUser currentUser, OidcIdToken idToken, OidcUserInfo userInfo,
                                Collection<? extends GrantedAuthority> authorities, boolean secondFactorVouched)
            implements OidcUser, CurrentUser.Holder, Serializable {

        @Override
        public boolean singleSignOn() {
            return true;
        }


        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Map<String, Object> getClaims() {
            return idToken.getClaims();
        }

        @Override
        public OidcUserInfo getUserInfo() {
            return userInfo;
        }

        @Override
        public OidcIdToken getIdToken() {
            return idToken;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return idToken.getClaims();
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return authorities;
        }

        @Override
        public String getName() {
            return currentUser.username();
        }
    }
}
