package org.prisonerregistry.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration run (so at every start), gives the application's role what it needs on
 * every table and sequence the migrations made, and no more on the audit tables: it may stage
 * events and append checkpoints, but never change, delete or truncate them (the triggers of V3 and
 * V12 refuse that to every role too; privileges make it two locks), and it seals only through the
 * functions of V12, which write every staged row they take into the log. Default privileges extend the same to tables
 * made later by the migration role. Runs only when the two roles differ: one role owns its tables
 * and holds every privilege on them whatever is granted.
 */
final class ApplicationRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleGrants.class);
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$.-]{0,62}");

    private final DatabaseEndpoint endpoint;

    ApplicationRoleGrants(DatabaseEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The statements for {@code role}, already quoted. */
    static List<String> statements(String role) {
        if (!ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("The application's database role name holds unexpected characters");
        }
        String app = "\"" + role + "\"";
        return List.of(
                "grant usage on schema public to " + app,
                "grant select, insert, update, delete on all tables in schema public to " + app,
                "grant usage, select, update on all sequences in schema public to " + app,
                "alter default privileges in schema public grant select, insert, update, delete on tables to " + app,
                "alter default privileges in schema public grant usage, select, update on sequences to " + app,
                // the migrations' own bookkeeping is none of the application's business
                "revoke all on flyway_schema_history from " + app,
                // checkpoints: read and append only
                "revoke update, delete, truncate on audit_checkpoint from " + app,
                // sealed events, the head and the staging MAC boundary: read only; only audit_seal writes the first two
                "revoke insert, update, delete, truncate on audit_event, audit_chain_head, audit_staging_mac_boundary from " + app,
                // staged events: appended by the registry, taken off the stage only by audit_seal, never changed;
                // appended with the content columns only, so the receipt and staging time stay PostgreSQL's own: a
                // receipt chosen ahead (overriding system value) would make a later genuine event's insert collide
                "revoke insert, update, delete, truncate on audit_event_staged from " + app,
                "grant insert (occurred_at, subject, roles, organisation, client_address, operation_name, document_hash, "
                        + "touched_subjects, fields, purpose, outcome, nonce, mac) on audit_event_staged to " + app,
                // sealing: the head's lock and the move from stage to log, as the tables' owner (security definer)
                "grant execute on function audit_lock_chain_head(), audit_seal to " + app);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (!endpoint.separateMigrationRole()) {
            log.warn("Database: the application and the migrations use one role ({}), which owns the tables: only the "
                    + "triggers keep the audit log append-only, and that role could delete staged events before they are sealed. Set "
                    + "REGISTRY_DB_MIGRATION_USER and _PASSWORD to migrate as another role", endpoint.user());
            return;
        }
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(endpoint.user())) {
                statement.execute(sql);
            }
            try (var check = connection.prepareStatement("select rolsuper from pg_roles where rolname = ?")) {
                check.setString(1, endpoint.user());
                try (var result = check.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        log.warn("Database: the application's role {} is a superuser, which ignores privileges and can "
                                + "switch triggers off; give it an ordinary role", endpoint.user());
                    }
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not grant the application's role its privileges (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "application-role-grants";
    }
}
