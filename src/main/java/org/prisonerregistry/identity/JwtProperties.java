package org.prisonerregistry.identity;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which token issuer the registry trusts. With neither {@code issuerUri} nor {@code jwksUri} set it
 * runs its own development issuer; with one of them it trusts that issuer alone. Binds from
 * REGISTRY_JWT_ISSUER_URI, _JWKS_URI, _ISSUER, _AUDIENCE, _ROLES_CLAIM and _ORG_CLAIM.
 *
 * <p>A half-made production configuration is refused here, while binding, rather than quietly
 * falling back to the development issuer.
 *
 * @param issuerUri  the issuer's URL; its OpenID Connect discovery document names the key set
 * @param jwksUri    the key set's URL, for issuers without discovery; needs {@code issuer}
 * @param issuer     the exact {@code iss} of trusted tokens when {@code jwksUri} is used
 * @param audience   the {@code aud} every token for this registry must carry
 * @param rolesClaim the claim holding the roles; a dotted path such as {@code realm_access.roles} reaches into objects
 * @param orgClaim   the claim holding the caller's organisation code, a dotted path as well
 */
@ConfigurationProperties("registry.jwt")
public record JwtProperties(
        String issuerUri,
        String jwksUri,
        String issuer,
        String audience,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("org") String orgClaim) {

    public JwtProperties {
        issuerUri = blankToNull(issuerUri);
        jwksUri = blankToNull(jwksUri);
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        rolesClaim = blankToNull(rolesClaim) == null ? "roles" : rolesClaim.strip();
        orgClaim = blankToNull(orgClaim) == null ? "org" : orgClaim.strip();
        check(issuerUri, jwksUri, issuer, audience);
    }

    /** True when an operator configured a real issuer; the development issuer is then off. */
    public boolean realIssuerConfigured() {
        return issuerUri != null || jwksUri != null;
    }

    /** The {@code iss} that trusted tokens carry: the issuer URL itself with discovery. */
    public String expectedIssuer() {
        return issuerUri != null ? issuerUri : issuer;
    }

    private static void check(String issuerUri, String jwksUri, String issuer, String audience) {
        if (issuerUri == null && jwksUri == null) {
            if (issuer != null || audience != null) {
                throw new IllegalStateException("REGISTRY_JWT_ISSUER or REGISTRY_JWT_AUDIENCE is set, but neither "
                        + "REGISTRY_JWT_ISSUER_URI nor REGISTRY_JWT_JWKS_URI: set one of them to trust your issuer "
                        + "(the registry will not fall back to its development issuer)");
            }
            return;
        }
        if (issuerUri != null && jwksUri != null) {
            throw new IllegalStateException("Set either REGISTRY_JWT_ISSUER_URI (OpenID Connect discovery) or "
                    + "REGISTRY_JWT_JWKS_URI with REGISTRY_JWT_ISSUER, not both");
        }
        if (jwksUri != null && issuer == null) {
            throw new IllegalStateException("REGISTRY_JWT_JWKS_URI needs REGISTRY_JWT_ISSUER, the exact 'iss' value "
                    + "of the tokens to trust");
        }
        if (issuerUri != null && issuer != null && !issuer.equals(issuerUri)) {
            throw new IllegalStateException("REGISTRY_JWT_ISSUER differs from REGISTRY_JWT_ISSUER_URI; with discovery "
                    + "the issuer is the URL itself, so leave REGISTRY_JWT_ISSUER unset");
        }
        if (audience == null) {
            throw new IllegalStateException("REGISTRY_JWT_AUDIENCE is required with a real issuer: the 'aud' value "
                    + "that access tokens for this registry carry");
        }
        requireTrustworthyUrl(issuerUri != null ? "REGISTRY_JWT_ISSUER_URI" : "REGISTRY_JWT_JWKS_URI",
                issuerUri != null ? issuerUri : jwksUri);
    }

    /**
     * The signing keys come from this URL, so whoever can tamper with the connection can mint
     * tokens: it must be HTTPS, except on this machine's loopback interface.
     */
    private static void requireTrustworthyUrl(String name, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(name + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalStateException(name + " must be an absolute https:// URL");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalStateException(name + " must use https://; plain http:// is accepted only for "
                    + "localhost, where nobody can tamper with the keys in transit");
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost: do not resolve it here
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
