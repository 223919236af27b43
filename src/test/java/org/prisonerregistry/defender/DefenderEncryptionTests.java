package org.prisonerregistry.defender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.DEFENDER;
import static org.prisonerregistry.db.Tables.SUBJECT_KEY;
import static org.prisonerregistry.db.Tables.THREAT;
import static org.prisonerregistry.support.StoredCiphertexts.assertSealed;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.TableField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.prisonerregistry.support.StoredCiphertexts;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Everything SPECIAL about defenders and threats is stored as a ciphertext under the defender's own
 * data key, and reading fails closed: a ciphertext moved to another row or
 * column, a flipped bit or a missing key gives an INTERNAL_ERROR naming only the column, never a
 * plaintext and never the wrong person's data. Tests that damage a stored value put it back after,
 * since the database is shared with every other test.
 */
@RegistryIntegrationTest
class DefenderEncryptionTests {

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Autowired
    SqlStatementCounter statements;

    HttpGraphQlTester officer;

    @BeforeEach
    void signIn() {
        officer = actors.protectionOfficer();
    }

    /** A defender with every SPECIAL field filled, and one threat against them with both of its own. */
    private record Recorded(String organisation, UUID defender, UUID threat, Map<String, String> plaintexts) {
        String get(String field) {
            return plaintexts.get(field);
        }

        String[] all() {
            return plaintexts.values().toArray(String[]::new);
        }
    }

    private Recorded recordDefenderWithThreat() {
        Map<String, String> plaintexts = Map.of(
                "fullName", TestData.unique("Invented Lawyer Ñuñoa"),
                "contact", TestData.unique("Signal +56 9 0000"),
                "protectiveMeasures", TestData.unique("Escort granted by the IACHR"),
                "description", TestData.unique("Anonymous call naming the defender's children"),
                "followUp", TestData.unique("Complaint filed with the prosecutor"));
        String organisation = new DefenderTestData(actors).organisation();
        Map<String, Object> input = DefenderTestData.newDefender(organisation, "HIGH");
        input.put("fullName", plaintexts.get("fullName"));
        input.put("contact", plaintexts.get("contact"));
        input.put("protectiveMeasures", plaintexts.get("protectiveMeasures"));
        String defender = officer.documentName("createDefender").variable("input", input).execute()
                .path("createDefender.id").entity(String.class).get();
        String threat = officer.documentName("recordThreat").variable("input", Map.of("defenderId", defender,
                        "occurredOn", "2019-11-20", "kind", "DEATH_THREAT", "channel", "PHONE",
                        "description", plaintexts.get("description"), "followUp", plaintexts.get("followUp")))
                .execute().path("recordThreat.id").entity(String.class).get();
        return new Recorded(organisation, UUID.fromString(defender), UUID.fromString(threat), plaintexts);
    }

    private GraphQlTester.Response read(UUID defender) {
        return officer.documentName("defenderWithThreats").variable("id", defender.toString()).execute();
    }

    private byte[] stored(TableField<?, byte[]> column, TableField<?, UUID> id, UUID row) {
        return db.select(column).from(column.getTable()).where(id.eq(row)).fetchSingle(column);
    }

    /** Runs {@code check} while {@code column} of {@code row} holds {@code value}, then puts the original back. */
    private <R extends Record> void whileStored(TableField<R, byte[]> column, TableField<R, UUID> id, UUID row,
                                                byte[] value, Runnable check) {
        byte[] original = stored(column, id, row);
        db.update(column.getTable()).set(column, value).where(id.eq(row)).execute();
        try {
            check.run();
        } finally {
            db.update(column.getTable()).set(column, original).where(id.eq(row)).execute();
        }
    }

    /** The read failed with one INTERNAL_ERROR that names {@code place} and quotes none of {@code plaintexts}. */
    private static void assertRefused(GraphQlTester.Response response, String place, String... plaintexts) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
            assertThat(e.getMessage()).contains(place);
            for (String plaintext : plaintexts) {
                assertThat(e.getMessage()).doesNotContain(plaintext);
            }
        }));
    }

    @Test
    void shouldStoreADefendersNameContactAndProtectiveMeasuresAsCiphertexts() {
        Recorded r = recordDefenderWithThreat();

        assertSealed(stored(DEFENDER.FULL_NAME, DEFENDER.ID, r.defender()), r.get("fullName"));
        assertSealed(stored(DEFENDER.CONTACT, DEFENDER.ID, r.defender()), r.get("contact"));
        assertSealed(stored(DEFENDER.PROTECTIVE_MEASURES, DEFENDER.ID, r.defender()), r.get("protectiveMeasures"));
        assertThat(db.fetchExists(SUBJECT_KEY, SUBJECT_KEY.SUBJECT_ID.eq(r.defender())
                .and(SUBJECT_KEY.SUBJECT_KIND.eq("DEFENDER")))).as("the defender's own data key").isTrue();

        read(r.defender())
                .path("defender.fullName").entity(String.class).isEqualTo(r.get("fullName"))
                .path("defender.contact").entity(String.class).isEqualTo(r.get("contact"))
                .path("defender.protectiveMeasures").entity(String.class).isEqualTo(r.get("protectiveMeasures"));
    }

    @Test
    void shouldStoreAThreatsDescriptionAndFollowUpAsCiphertexts() {
        Recorded r = recordDefenderWithThreat();

        assertSealed(stored(THREAT.DESCRIPTION, THREAT.ID, r.threat()), r.get("description"));
        assertSealed(stored(THREAT.FOLLOW_UP, THREAT.ID, r.threat()), r.get("followUp"));

        read(r.defender())
                .path("defender.threats[0].description").entity(String.class).isEqualTo(r.get("description"))
                .path("defender.threats[0].followUp").entity(String.class).isEqualTo(r.get("followUp"));
    }

    @Test
    void shouldSealUpdatedFieldsAnewAndKeepClearedOnesNull() {
        Recorded r = recordDefenderWithThreat();
        byte[] nameBefore = stored(DEFENDER.FULL_NAME, DEFENDER.ID, r.defender());
        byte[] followUpBefore = stored(THREAT.FOLLOW_UP, THREAT.ID, r.threat());
        String newContact = TestData.unique("Wire +56 2 0000");
        String newFollowUp = TestData.unique("Precautionary measures granted");

        Map<String, Object> change = new HashMap<>();
        change.put("id", r.defender().toString());
        change.put("version", 1);
        change.put("contact", newContact);
        change.put("protectiveMeasures", null);
        officer.documentName("updateDefender").variable("input", change).execute()
                .path("updateDefender.version").entity(Integer.class).isEqualTo(2);
        officer.documentName("updateThreatFollowUp").variable("input", Map.of("id", r.threat().toString(),
                "version", 1, "followUp", newFollowUp)).execute()
                .path("updateThreatFollowUp.version").entity(Integer.class).isEqualTo(2);

        assertSealed(stored(DEFENDER.CONTACT, DEFENDER.ID, r.defender()), newContact);
        assertThat(stored(DEFENDER.PROTECTIVE_MEASURES, DEFENDER.ID, r.defender())).isNull();
        assertThat(stored(DEFENDER.FULL_NAME, DEFENDER.ID, r.defender())).as("sealed again with a fresh nonce")
                .isNotEqualTo(nameBefore);
        assertSealed(stored(THREAT.FOLLOW_UP, THREAT.ID, r.threat()), newFollowUp);
        assertThat(stored(THREAT.FOLLOW_UP, THREAT.ID, r.threat())).isNotEqualTo(followUpBefore);
        read(r.defender())
                .path("defender.fullName").entity(String.class).isEqualTo(r.get("fullName"))
                .path("defender.contact").entity(String.class).isEqualTo(newContact)
                .path("defender.protectiveMeasures").valueIsNull()
                .path("defender.threats[0].description").entity(String.class).isEqualTo(r.get("description"))
                .path("defender.threats[0].followUp").entity(String.class).isEqualTo(newFollowUp);
    }

    @Test
    void shouldRefuseANameCopiedFromAnotherDefender() {
        Recorded victim = recordDefenderWithThreat();
        Recorded other = recordDefenderWithThreat();

        whileStored(DEFENDER.FULL_NAME, DEFENDER.ID, victim.defender(),
                stored(DEFENDER.FULL_NAME, DEFENDER.ID, other.defender()), () -> {
                    var response = read(victim.defender());
                    assertRefused(response, "defender.full_name", concat(victim.all(), other.all()));
                    // opened field by field once admitted: the moved name alone is withheld
                    response.path("defender.fullName").valueIsNull()
                            .path("defender.contact").entity(String.class).isEqualTo(victim.get("contact"));
                });
        read(victim.defender()).path("defender.fullName").entity(String.class).isEqualTo(victim.get("fullName"));
    }

    @Test
    void shouldRefuseAValueCopiedToAnotherColumnOfTheSameDefender() {
        Recorded r = recordDefenderWithThreat();

        whileStored(DEFENDER.PROTECTIVE_MEASURES, DEFENDER.ID, r.defender(),
                stored(DEFENDER.CONTACT, DEFENDER.ID, r.defender()),
                () -> assertRefused(read(r.defender()), "defender.protective_measures", r.all()));
    }

    @Test
    void shouldRefuseAThreatsTextCopiedToAnotherThreatOrColumn() {
        Recorded victim = recordDefenderWithThreat();
        Recorded other = recordDefenderWithThreat();

        whileStored(THREAT.DESCRIPTION, THREAT.ID, victim.threat(), stored(THREAT.DESCRIPTION, THREAT.ID, other.threat()),
                () -> {
                    var response = read(victim.defender());
                    assertRefused(response, "threat.description", concat(victim.all(), other.all()));
                    response.path("defender.threats[0].description").valueIsNull()
                            .path("defender.threats[0].followUp").entity(String.class).isEqualTo(victim.get("followUp"));
                });
        whileStored(THREAT.FOLLOW_UP, THREAT.ID, victim.threat(), stored(THREAT.DESCRIPTION, THREAT.ID, victim.threat()),
                () -> assertRefused(read(victim.defender()), "threat.follow_up", victim.all()));
    }

    @Test
    void shouldRefuseACiphertextWithAFlippedBit() {
        Recorded r = recordDefenderWithThreat();

        whileStored(DEFENDER.FULL_NAME, DEFENDER.ID, r.defender(),
                flipLastBit(stored(DEFENDER.FULL_NAME, DEFENDER.ID, r.defender())),
                () -> assertRefused(read(r.defender()), "defender.full_name", r.all()));
        whileStored(THREAT.FOLLOW_UP, THREAT.ID, r.threat(), flipLastBit(stored(THREAT.FOLLOW_UP, THREAT.ID, r.threat())),
                () -> assertRefused(read(r.defender()), "threat.follow_up", r.all()));
    }

    @Test
    void shouldFailClosedWhenTheDefendersKeyIsGone() {
        Recorded r = recordDefenderWithThreat();
        assertThat(db.fetchCount(SUBJECT_KEY, SUBJECT_KEY.SUBJECT_ID.eq(r.defender()))).isEqualTo(1);

        new StoredCiphertexts(db).withoutDataKeys(r.defender(), () -> {
            // each sealed field asked for is withheld with an error of its own that names its column
            var response = read(r.defender());
            response.errors().satisfy(errors -> assertThat(errors).hasSize(5).allSatisfy(e -> {
                assertThat(e.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
                assertThat(e.getMessage()).contains("no data key").containsAnyOf("defender.", "threat.");
                for (String plaintext : r.all()) {
                    assertThat(e.getMessage()).doesNotContain(plaintext);
                }
            }));
            response.path("defender.fullName").valueIsNull()
                    .path("defender.contact").valueIsNull()
                    .path("defender.protectiveMeasures").valueIsNull()
                    .path("defender.threats[0].description").valueIsNull()
                    .path("defender.threats[0].followUp").valueIsNull();
            // a page that asks for no sealed field needs no key: nothing of it is decrypted
            officer.documentName("defendersPage").variable("filter", Map.of("organisationId", r.organisation())).execute()
                    .errors().verify()
                    .path("defenders.edges[*].node.id").entityList(String.class).contains(r.defender().toString());
        });
        read(r.defender()).path("defender.threats[0].followUp").entity(String.class).isEqualTo(r.get("followUp"));
    }

    /**
     * A lawyer's page of assigned detainees with every lawyer's name: the lawyers of the whole page,
     * a different one per detainee besides the test lawyer, are opened with one read of their keys.
     * The test lawyer reads their own name; other lawyers' names are refused to them (SELF only).
     */
    @Test
    void shouldOpenTheLawyersOfAPageOfDetaineesWithOneKeyRead() {
        String region = TestData.unique("Region");
        TestData data = new TestData(actors);
        String organisation = new DefenderTestData(actors).organisation();
        HttpGraphQlTester admin = actors.admin();
        int size = 12;
        for (int i = 0; i < size; i++) {
            String person = data.detainee(region);
            admin.document("mutation($input: AssignLawyerInput!) { assignLawyer(input: $input) { active } }")
                    .variable("input", Map.of("detaineeId", person, "defenderId", data.defender(organisation, "LAWYER")))
                    .execute().path("assignLawyer.active").entity(Boolean.class).isEqualTo(true);
        }

        for (int first : new int[] {3, size}) {
            long withoutLawyers = keyReads("detaineeIdsPage", region, first);
            long withLawyers = keyReads("lawyerNamesPage", region, first);
            System.out.printf("lawyer names of %d detainees (%d lawyers): %d key read(s) for the lawyers%n",
                    first, first + 1, withLawyers - withoutLawyers);
            assertThat(withLawyers - withoutLawyers).as("key reads for the lawyers of %d detainees", first).isEqualTo(1);
        }
    }

    private long keyReads(String document, String region, int first) {
        HttpGraphQlTester lawyer = actors.lawyer();
        statements.reset();
        var response = lawyer.documentName(document).variable("filter", Map.of("region", region))
                .variable("first", first).execute()
                .errors().filter(e -> e.getErrorType() == ErrorType.FORBIDDEN
                        && e.getMessage().startsWith("Defender.fullName")).verify();
        response.path("detainees.edges").entityList(Object.class).hasSize(first);
        if (document.equals("lawyerNamesPage")) {
            response.path("detainees.edges[*].node.lawyers[*].lawyer.fullName").entityList(String.class)
                    .satisfies(names -> assertThat(names.stream().filter(Objects::nonNull).toList())
                            .hasSize(first).containsOnly("Invented Test Lawyer"));
        }
        return statements.selectsFrom(SUBJECT_KEY);
    }

    private static byte[] flipLastBit(byte[] stored) {
        byte[] flipped = stored.clone();
        flipped[flipped.length - 1] ^= 1;
        return flipped;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
