package org.prisonerregistry.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Narrows a caller to the one role named in the {@code X-Acting-Role} header for this request.
 *
 * <p>Why: policies and scopes are per role, and unioning them leaks (a COORDINATOR who is also a
 * LAWYER would read the lawyer-only fields of the whole caseload; an ADMIN who is also a LAWYER every
 * row's names). So a request acts in exactly one role: the token's only role, or the one this header
 * picks. A token with several roles and no header reaches public fields only. A header naming a
 * role the token does not grant is refused with 403.
 */
final class ActingRoleFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Acting-Role";
    static final String NOT_GRANTED = """
            {"errors":[{"message":"X-Acting-Role names a role this token does not grant","extensions":{"classification":"FORBIDDEN"}}]}""";

    private final CurrentCaller currentCaller;

    private final RefusalLog refusals;

    ActingRoleFilter(CurrentCaller currentCaller, RefusalLog refusals) {
        this.currentCaller = currentCaller;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        Caller caller = currentCaller.get();
        if (header == null || caller.anonymous()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Role> acting = Role.named(header).filter(caller::hasRole);
        if (acting.isEmpty()) {
            refusals.requestRefused(caller, request.getRemoteAddr());
            Refusals.write(response, HttpServletResponse.SC_FORBIDDEN, NOT_GRANTED);
            return;
        }
        SecurityContext narrowed = SecurityContextHolder.createEmptyContext();
        narrowed.setAuthentication(new CallerAuthentication(
                new Caller(caller.subject(), Set.of(acting.get()), caller.organisation(), false)));
        SecurityContext original = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(narrowed);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(original);
        }
    }
}
