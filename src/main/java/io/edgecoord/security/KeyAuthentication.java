package io.edgecoord.security;


import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request proved with a key: the principal is the {@link CallerKey}, the authorities its scopes. */
final class KeyAuthentication extends AbstractAuthenticationToken {

    private final CallerKey key;

    KeyAuthentication(CallerKey key) {
        super(key.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s.id())).toList());
        this.key = key;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CallerKey getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return key.id();
    }

}
