package org.prisonerregistry.access;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import java.util.function.Supplier;

/**
 * A policed field whose own fetcher reads a property of its source, installed in the schema in place
 * of that fetcher ({@link PolicedFieldWiring}). Most fields of a page are of this kind, and
 * graphql-java builds no {@link DataFetchingEnvironment} for a light fetcher unless it asks for one:
 * bound to the request's access context ({@link #boundTo}, by {@link FieldAccessInstrumentation}),
 * this one asks only to refuse, or to learn who reads a record below its owner's.
 *
 * <p>Light, and so trivial as its delegate is: Spring's context propagation leaves it alone, which
 * it may, since it reads a property in memory and its only other work (the alert check, once per
 * operation, and opening a sealed value, which may read its page's keys) needs no request-scoped
 * thread state.
 */
final class PolicedProperty implements LightDataFetcher<Object> {

    private final PolicedField guard;
    private final DataFetcher<?> property;

    PolicedProperty(PolicedField guard, DataFetcher<?> property) {
        this.guard = guard;
        this.property = property;
    }

    /** This field for one request: the access context comes with it instead of from an environment. */
    LightDataFetcher<Object> boundTo(AccessContext access) {
        return new LightDataFetcher<>() {
            @Override
            public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env)
                    throws Exception {
                return guard.fetch(access, source, env, () -> read(field, source, env));
            }

            @Override
            public Object get(DataFetchingEnvironment env) throws Exception {
                return PolicedProperty.this.get(env);
            }
        };
    }

    @Override
    public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env) throws Exception {
        return get(env.get());
    }

    @Override
    public Object get(DataFetchingEnvironment env) throws Exception {
        return guard.fetch(env.getGraphQlContext().get(AccessContext.KEY), env.getSource(), () -> env,
                () -> read(env.getFieldDefinition(), env.getSource(), () -> env));
    }

    private Object read(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env) throws Exception {
        return property instanceof LightDataFetcher<?> light ? light.get(field, source, env) : property.get(env.get());
    }
}
