package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.AUDIT_EVENT;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * The alert on bulk reads of SPECIAL data, in a context of its own whose threshold is three persons:
 * the read that makes a fourth raises the alert and is withheld, further SPECIAL reads of that account
 * are refused, and a protection officer's clearing lets it read again.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = {"registry.audit.alert.distinct-persons=3", "registry.audit.alert.window=10m"})
class AccessAlertTests {

    private static final String READ = "query($id: ID!) { defender(id: $id) { fullName riskLevel } }";

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Test
    void shouldRaiseAnAlertBlockFurtherSpecialReadsAndLetAProtectionOfficerClearIt() throws InterruptedException {
        TestData data = new TestData(actors);
        List<String> defenders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            defenders.add(data.defender(actors.organisationId(), "HUMAN_RIGHTS_DEFENDER"));
        }
        String account = TestData.unique("bulk-reader");
        HttpGraphQlTester reader = actors.as(account, Role.PROTECTION_OFFICER, null);

        for (String defender : defenders.subList(0, 3)) {
            reader.document(READ).variable("id", defender).execute().path("defender.fullName").hasValue();
        }
        reader.document(READ).variable("id", defenders.get(3)).execute()
                .errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN") && e.getMessage().contains("alert")).verify()
                .path("defender").pathDoesNotExist();

        assertThat(eventually(() -> db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT.eq(account).and(AUDIT_EVENT.OUTCOME.eq("ALERT")))))
                .isEqualTo(1);
        // once suspended, even a person read before is refused, and nothing about them comes back
        reader.document(READ).variable("id", defenders.get(0)).execute()
                .errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN") && e.getMessage().contains("suspended")).verify()
                .path("defender").valueIsNull();
        // what is not SPECIAL stays open to the account
        reader.document("{ me { subject } }").execute().path("me.subject").entity(String.class).isEqualTo(account);

        HttpGraphQlTester officer = actors.protectionOfficer();
        officer.document("{ accessAlerts { account distinctPersons windowSeconds clearedAt } }").execute()
                .path("accessAlerts[?(@.account == '" + account + "')].distinctPersons").entityList(Integer.class).containsExactly(4);
        actors.coordinator().document("mutation($a: String!) { clearAccessAlert(account: $a) { account } }").variable("a", account)
                .execute().errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify();
        officer.document("mutation($a: String!) { clearAccessAlert(account: $a) { account clearedBy clearedAt } }")
                .variable("a", account).execute()
                .path("clearAccessAlert.clearedBy").entity(String.class).isEqualTo("test-protection-officer");

        reader.document(READ).variable("id", defenders.get(4)).execute().path("defender.fullName").hasValue();
        officer.document("{ accessAlerts { account } }").execute()
                .path("accessAlerts[*].account").entityList(String.class).doesNotContain(account);
        assertThat(eventually(() -> db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT.eq("test-protection-officer")
                .and(AUDIT_EVENT.FIELDS.cast(String.class).contains("Mutation.clearAccessAlert"))))).isEqualTo(1);
    }

    @Test
    void shouldNotCountADefenderReadingTheirOwnRecord() {
        for (int i = 0; i < 5; i++) {
            actors.lawyer().document("query($id: ID!) { defender(id: $id) { fullName } }").variable("id", actors.lawyerDefenderId())
                    .execute().path("defender.fullName").hasValue();
        }
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT.eq(Actors.LAWYER_SUBJECT).and(AUDIT_EVENT.OUTCOME.eq("ALERT"))))
                .isZero();
    }

    /** The count once it is above zero, or zero after a few seconds: the log may seal events a moment after they commit. */
    private static int eventually(IntSupplier count) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        int found = count.getAsInt();
        while (found == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = count.getAsInt();
        }
        return found;
    }
}
