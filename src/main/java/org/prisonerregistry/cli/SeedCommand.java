package org.prisonerregistry.cli;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prisonerregistry.seed.DemoSeeder;
import org.prisonerregistry.seed.SeedReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Adds synthetic detainees to the registry, whether or not a server is running on the same data:
 * without a server it starts the embedded PostgreSQL itself, with one it attaches to it.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Add synthetic demo detainees (invented people, real facilities, regions and laws) "
                + "with their detentions, cases, support and defenders, in one transaction.",
                "Works whether or not the server is running on the same data."},
        footer = "Spring properties such as --registry.data-dir=DIR are passed through to the application.")
public class SeedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--detainees", required = true, paramLabel = "N",
            description = "How many detainees to add, from 1 to 1,000,000.")
    int detainees;

    @Option(names = "--random-seed", paramLabel = "S",
            description = "Seed of the generator: the same seed gives the same people. A random one if left out; "
                    + "it is printed, so the run can be repeated.")
    Long randomSeed;

    /** Spring properties such as --registry.data-dir=/tmp/registry, passed through unchanged. */
    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        if (detainees < 1 || detainees > DemoSeeder.MAX_DETAINEES) {
            throw new ParameterException(spec.commandLine(), "--detainees must be between 1 and 1,000,000 (was "
                    + detainees + ")");
        }
        long seed = randomSeed != null ? randomSeed : new SecureRandom().nextLong();
        try (ConfigurableApplicationContext context = HeadlessRegistry.start(springArguments)) {
            SeedReport report = context.getBean(DemoSeeder.class).seed(detainees, seed);
            spec.commandLine().getOut().println(report.summary());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalStateException e) {
            // The seeder's messages say what failed without quoting any generated value.
            spec.commandLine().getErr().println("Seeding failed: " + e.getMessage());
            return 1;
        }
    }
}
