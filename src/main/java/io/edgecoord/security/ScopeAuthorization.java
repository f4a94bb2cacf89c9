package io.edgecoord.security;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.UriUtils;

/**
 * Grants a request when its key has a scope the {@link AccessPolicy} asks for and may touch the
 * task the path names. A refusal leaves its reason in a request attribute for the 403's detail.
 */
final class ScopeAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    /** The request attribute holding why a request was refused. */
    static final String REFUSAL = ScopeAuthorization.class.getName() + ".refusal";

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof KeyAuthentication key)) {
            return new AuthorizationDecision(false);
        }
        var request = context.getRequest();
        // Decoded, as Spring MVC routes it: a rule must see the task name the controller will see
        // (the firewall has already refused encoded slashes, dots and percent signs).
        String path = UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()),
                StandardCharsets.UTF_8);
        AccessPolicy.Requirement need = AccessPolicy.of(request.getMethod(), path);
        CallerKey caller = key.getPrincipal();
        if (need.anyOf().stream().noneMatch(caller::has)) {
            request.setAttribute(REFUSAL, "Key " + caller.id() + " lacks the scope this needs: "
                    + need.describe() + ".");
            return new AuthorizationDecision(false);
        }
        if (need.task() != null && !caller.mayUseTask(need.task())) {
            request.setAttribute(REFUSAL, "Key " + caller.id() + " may not use task " + need.task()
                    + "; it is limited to " + caller.taskPatterns() + ".");
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(true);
    }
}
