package org.prisonerregistry.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.prisonerregistry.database.DatabaseProperties;
import org.prisonerregistry.identity.DevelopmentIssuer;
import org.prisonerregistry.identity.DevelopmentIssuerKey;
import org.prisonerregistry.identity.JwtProperties;
import org.prisonerregistry.identity.Role;
import org.springframework.boot.context.properties.bind.BindException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Mints an access token from the development issuer, for trying the API as a role. It reads (or
 * creates) the issuer's key in the data folder and starts neither the server nor the database.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print an access token from the development issuer that the local server accepts.",
                "Example: TOKEN=$(java -jar target/prisoner-registry.jar token --role LAWYER)"})
public class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "ANALYST, COORDINATOR, LAWYER, PROTECTION_OFFICER, AUDITOR or ADMIN; repeat for several.")
    List<String> roles = new ArrayList<>();

    @Option(names = "--subject", paramLabel = "S", description = "The token's subject (default: dev-<first role>).")
    String subject;

    @Option(names = "--org", paramLabel = "CODE", description = "The caller's organisation code.")
    String organisation;

    @Option(names = "--ttl", paramLabel = "LIFETIME", defaultValue = "1h", converter = TokenLifetime.class,
            description = "How long the token is valid, e.g. 30m, 1h, 2d (at most 7d; default ${DEFAULT-VALUE}).")
    Duration lifetime;

    /** Spring properties such as --registry.data-dir=…, read as the server reads them. */
    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        Set<Role> granted = parseRoles();
        requireSpringProperties();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Only the token goes to standard output, so TOKEN=$(…) works; anything a library prints goes to stderr.
        PrintStream standardOut = System.out;
        System.setOut(System.err);
        String token;
        try {
            OfflineConfiguration configuration = OfflineConfiguration.of(springArguments);
            JwtProperties jwt = configuration.bind("registry.jwt", JwtProperties.class);
            if (jwt.realIssuerConfigured()) {
                err.println("A real issuer is configured (REGISTRY_JWT_ISSUER_URI or REGISTRY_JWT_JWKS_URI), so the "
                        + "development issuer is off and the server would refuse its tokens. Get a token from your issuer.");
                return 1;
            }
            DatabaseProperties database = configuration.bind("registry", DatabaseProperties.class);
            DevelopmentIssuer issuer = new DevelopmentIssuer(DevelopmentIssuerKey.loadOrCreate(database.dataDir()), jwt);
            String tokenSubject = subject != null && !subject.isBlank()
                    ? subject.strip() : "dev-" + roleOrder(granted).getFirst().name().toLowerCase(Locale.ROOT);
            token = issuer.mint(tokenSubject, granted, organisation, lifetime);
        } catch (BindException e) {
            err.println("Invalid configuration: " + rootMessage(e));
            return 1;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            System.setOut(standardOut);
        }
        out.println(token);
        out.flush();
        return 0;
    }

    private Set<Role> parseRoles() {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        for (String name : roles) {
            granted.add(Role.named(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "Unknown role '" + name + "'; use one of " + Arrays.stream(Role.values()).map(Role::name)
                            .collect(Collectors.joining(", ")))));
        }
        return granted;
    }

    /** The first role given on the command line names the default subject. */
    private List<Role> roleOrder(Set<Role> granted) {
        return roles.stream().map(name -> Role.named(name).orElseThrow()).filter(granted::contains).toList();
    }

    /** A mistyped option must not pass silently as a Spring property. */
    private void requireSpringProperties() {
        for (String argument : springArguments) {
            if (!argument.matches("--[A-Za-z][\\w-]*\\.[\\w.\\[\\]-]+=.*")) {
                throw new ParameterException(spec.commandLine(), "Unknown option or argument '" + argument
                        + "'; Spring properties are written --name.of.property=value");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
