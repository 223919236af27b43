package org.prisonerregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimPathsTests {

    @Test
    void shouldReadKeycloakRealmRolesIgnoringCaseAndUnknownRoles() {
        ClaimPaths paths = new ClaimPaths("realm_access.roles", "org");
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("Lawyer", "offline_access", "AUDITOR")));

        assertThat(paths.rolesIn(claims)).containsExactlyInAnyOrder(Role.LAWYER, Role.AUDITOR);
    }

    @Test
    void shouldPreferANamespacedClaimNamedWithDotsOverAPath() {
        ClaimPaths paths = new ClaimPaths("https://registry.example.org/roles", "https://registry.example.org/org");
        Map<String, Object> claims = Map.of("https://registry.example.org/roles", List.of("analyst"),
                "https://registry.example.org/org", "FAM-CL");

        assertThat(paths.rolesIn(claims)).containsExactly(Role.ANALYST);
        assertThat(paths.organisationIn(claims)).contains("FAM-CL");
    }

    @Test
    void shouldAcceptRolesAsOneStringAndAnOrganisationAsAOneElementList() {
        ClaimPaths paths = new ClaimPaths("roles", "org");

        assertThat(paths.rolesIn(Map.of("roles", "lawyer coordinator,admin")))
                .containsExactlyInAnyOrder(Role.LAWYER, Role.COORDINATOR, Role.ADMIN);
        assertThat(paths.organisationIn(Map.of("org", List.of("DEF-CL")))).contains("DEF-CL");
    }

    @Test
    void shouldFindNothingInClaimsOfTheWrongShape() {
        ClaimPaths paths = new ClaimPaths("realm_access.roles", "org");

        assertThat(paths.rolesIn(Map.of("realm_access", "lawyer"))).isEmpty();
        assertThat(paths.rolesIn(Map.of("roles", List.of("lawyer")))).isEmpty();
        assertThat(paths.organisationIn(Map.of("org", List.of("A", "B")))).isEmpty();
        assertThat(paths.organisationIn(Map.of("org", 42))).isEmpty();
    }
}
