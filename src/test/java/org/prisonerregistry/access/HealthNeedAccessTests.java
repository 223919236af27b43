package org.prisonerregistry.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.prisonerregistry.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Health needs are SPECIAL: their description reaches only the assigned lawyer, with a stated purpose. */
@RegistryIntegrationTest
class HealthNeedAccessTests {

    private static final String HEALTH = "Invented: needs insulin twice a day";
    private static final String NEEDS = "query($id: ID!) { detainee(id: $id) { supportNeeds { category description healthDescription } } }";

    @Autowired
    Actors actors;

    @Autowired
    TestTokens tokens;

    @Autowired
    HttpGraphQlTester anonymous;

    @Test
    void shouldShowAHealthNeedsDescriptionToTheAssignedLawyerWithAPurposeOnly() {
        String person = new TestData(actors).detainee(TestData.unique("Region"));
        actors.coordinator().document("mutation($i: RecordNeedInput!) { recordNeed(input: $i) { id } }")
                .variable("i", Map.of("detaineeId", person, "category", "HEALTH", "description", HEALTH))
                .execute().path("recordNeed.id").hasValue();

        actors.lawyer().document(NEEDS).variable("id", person).execute()
                .path("detainee.supportNeeds[0].healthDescription").entity(String.class).isEqualTo(HEALTH)
                .path("detainee.supportNeeds[0].description").valueIsNull();

        actors.coordinator().document(NEEDS).variable("id", person).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(e.getPath()).isEqualTo("detainee.supportNeeds[0].healthDescription");
                    assertThat(e.getMessage()).doesNotContain("insulin");
                }))
                .path("detainee.supportNeeds[0].category").entity(String.class).isEqualTo("HEALTH")
                .path("detainee.supportNeeds[0].description").valueIsNull()
                .path("detainee.supportNeeds[0].healthDescription").valueIsNull();

        HttpGraphQlTester lawyerWithoutPurpose = tokens.signIn(anonymous, Actors.LAWYER_SUBJECT, Role.LAWYER, null);
        lawyerWithoutPurpose.document(NEEDS).variable("id", person).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(e.getMessage()).contains("X-Access-Purpose");
                }))
                .path("detainee.supportNeeds[0].healthDescription").valueIsNull();
    }
}
