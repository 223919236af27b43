package org.prisonerregistry.identity;

import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, with 401, any GraphQL request from a caller without a role (no token, or a valid token
 * that grants no known role) that asks for more than the public root fields. It runs after Spring
 * Security, so the caller is known, and before GraphQL, so a refused request executes nothing.
 *
 * <p>It looks at every request rather than at the GraphQL path alone, so no spelling of the path can
 * slip past it: a POST must carry a public GraphQL request as its JSON body, a GET or HEAD with a
 * {@code query} parameter must name a public one, and GETs without one (such as the GraphiQL page)
 * pass; a WebSocket upgrade is refused. Whatever it cannot read with certainty it refuses, except a GraphQL syntax error, which
 * GraphQL itself answers with BAD_REQUEST and no data.
 */
final class AnonymousAccessFilter extends OncePerRequestFilter {

    /** Public requests are small; reading more ahead of authentication would only help a flood. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Set<String> UNICODE = Set.of("UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32",
            "UTF-32BE", "UTF-32LE");

    private final CurrentCaller currentCaller;
    private final PublicRootFields publicRootFields;
    // Duplicate keys could be read one way here and another way by GraphQL's own reader: refuse them.
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final RefusalLog refusals;

    AnonymousAccessFilter(CurrentCaller currentCaller, PublicRootFields publicRootFields, RefusalLog refusals) {
        this.currentCaller = currentCaller;
        this.publicRootFields = publicRootFields;
        this.refusals = refusals;
    }

    /** Refuses with 401 and accounts for the attempt in the audit log. */
    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refusals.requestRefused(currentCaller.get(), request.getRemoteAddr());
        Refusals.authenticationRequired(response);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (currentCaller.get().hasAnyRole()) {
            chain.doFilter(request, response);
            return;
        }
        switch (request.getMethod()) {
            case "POST" -> filterPost(request, response, chain);
            case "GET", "HEAD" -> filterGet(request, response, chain);
            default -> chain.doFilter(request, response); // no other method runs GraphQL
        }
    }

    private void filterPost(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            Refusals.tooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            Refusals.tooLarge(response);
            return;
        }
        if (!declaresUnicode(request) || !isPublicJsonRequest(body)) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void filterGet(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String upgrade = request.getHeader("Upgrade");
        if (upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
            // A WebSocket carries GraphQL in messages this filter never sees; no transport but HTTP is public.
            refuse(request, response);
            return;
        }
        String[] queries = request.getParameterValues("query");
        if (queries == null) {
            chain.doFilter(request, response);
            return;
        }
        String[] names = request.getParameterValues("operationName");
        boolean single = queries.length == 1 && (names == null || names.length == 1);
        if (!single || !isPublic(queries[0], names == null ? null : names[0])) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Both this filter and GraphQL's reader detect UTF-8, -16 and -32 from the bytes; another
     * declared charset could make the two read different documents.
     */
    private static boolean declaresUnicode(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return true;
        }
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null || UNICODE.contains(charset.name().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unreadable) { // includes InvalidMediaTypeException
            return false;
        }
    }

    private boolean isPublicJsonRequest(byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException e) {
            return false;
        }
        if (request == null || !request.isObject()) {
            return false;
        }
        JsonNode query = request.get("query");
        JsonNode operationName = request.get("operationName");
        if (query == null || !query.isString()) {
            return false;
        }
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            return false;
        }
        return isPublic(query.stringValue(), operationName == null || operationName.isNull() ? null : operationName.stringValue());
    }

    private boolean isPublic(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions())
                    .build());
        } catch (ParseCancelledException | ParseCancelledTooDeepException | ParseCancelledTooManyCharsException tooBig) {
            // Beyond the parser's limits: GraphQL's own limits may one day differ, so refuse rather than guess
            return false;
        } catch (InvalidSyntaxException syntaxError) {
            return true; // GraphQL fails to parse it too and answers BAD_REQUEST without executing anything
        } catch (RuntimeException unexpected) {
            return false;
        }
        return publicRootFields.onlyPublic(document, operationName);
    }
}
