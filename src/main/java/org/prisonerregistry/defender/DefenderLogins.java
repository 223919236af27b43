package org.prisonerregistry.defender;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which defender a login subject belongs to, for features that serve a defender their own data (their access log). */
@Component
public class DefenderLogins {

    private final DefenderRepository defenders;

    DefenderLogins(DefenderRepository defenders) {
        this.defenders = defenders;
    }

    /** The id of the defender who logs in as {@code subject}; empty for a caller who is no defender. */
    @Transactional(readOnly = true)
    public Optional<UUID> defenderIdOf(String subject) {
        return subject == null ? Optional.empty() : defenders.idByLoginSubject(subject);
    }
}
