package org.prisonerregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class PublicRootFieldsTests {

    private final PublicRootFields withIntrospection = new PublicRootFields(true);
    private final PublicRootFields withoutIntrospection = new PublicRootFields(false);

    private static boolean onlyPublic(PublicRootFields fields, String document, String operationName) {
        return fields.onlyPublic(Parser.parse(document), operationName);
    }

    @Test
    void shouldAllowPublicStatisticsAndTypename() {
        assertThat(onlyPublic(withoutIntrospection, "{ publicStats { total } __typename }", null)).isTrue();
        assertThat(onlyPublic(withoutIntrospection, "query Stats { s: publicStats { total } }", "Stats")).isTrue();
    }

    @Test
    void shouldRefuseAnyOtherRootFieldHoweverItIsSpelled() {
        assertThat(onlyPublic(withIntrospection, "{ detainees { totalCount } }", null)).isFalse();
        assertThat(onlyPublic(withIntrospection, "{ publicStats: detainees { totalCount } }", null)).as("alias").isFalse();
        assertThat(onlyPublic(withIntrospection, "{ ...F } fragment F on Query { detainees { totalCount } }", null))
                .as("fragment").isFalse();
        assertThat(onlyPublic(withIntrospection, "{ ... on Query { ... { detainees { totalCount } } } }", null))
                .as("nested inline fragments").isFalse();
        assertThat(onlyPublic(withIntrospection, "{ ...A } fragment A on Query { ...B } fragment B on Query { defenders { totalCount } }", null))
                .as("fragment in a fragment").isFalse();
        assertThat(onlyPublic(withIntrospection, "{ detainees @skip(if: true) { totalCount } }", null))
                .as("skipped fields still count").isFalse();
    }

    @Test
    void shouldRefuseUnknownAndCyclicFragments() {
        assertThat(onlyPublic(withIntrospection, "{ ...Missing }", null)).isFalse();
        assertThat(onlyPublic(withIntrospection, "{ ...A } fragment A on Query { ...A }", null)).isFalse();
    }

    @Test
    void shouldRefuseMutationsAndSubscriptions() {
        assertThat(onlyPublic(withIntrospection, "mutation { createDetainee(input: {}) { id } }", null)).isFalse();
        assertThat(onlyPublic(withIntrospection, "mutation { publicStats }", null)).isFalse();
        assertThat(onlyPublic(withIntrospection, "subscription { publicStats }", null)).isFalse();
        assertThat(onlyPublic(withIntrospection, "mutation { __typename }", null)).isTrue();
    }

    @Test
    void shouldAllowIntrospectionOnlyWhenConfigured() {
        assertThat(onlyPublic(withIntrospection, "{ __schema { types { name } } __type(name: \"Query\") { name } }", null))
                .isTrue();
        assertThat(onlyPublic(withoutIntrospection, "{ __schema { types { name } } }", null)).isFalse();
        assertThat(onlyPublic(withoutIntrospection, "{ __type(name: \"Query\") { name } }", null)).isFalse();
    }

    @Test
    void shouldJudgeTheSelectedOperationAndEveryOperationWhenNoneIsSelected() {
        String two = "query Public { publicStats { total } } query Secret { detainees { totalCount } }";

        assertThat(onlyPublic(withIntrospection, two, "Public")).isTrue();
        assertThat(onlyPublic(withIntrospection, two, "Secret")).isFalse();
        assertThat(onlyPublic(withIntrospection, two, null)).isFalse();
        assertThat(onlyPublic(withIntrospection, two, "Unknown")).isFalse();
        assertThat(onlyPublic(withIntrospection, "query A { __typename } query A { detainees { totalCount } }", "A"))
                .as("a name that selects two operations").isFalse();
    }
}
