package org.prisonerregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.DETAINEE;

import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prisonerregistry.Application;
import org.prisonerregistry.seed.DemoSeeder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** {@code serve --demo} on a registry of its own, since it only seeds a registry without detainees. */
@ExtendWith(OutputCaptureExtension.class)
class ServeDemoTests {

    private static ServeCommand serve(String... arguments) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(arguments);
        return command;
    }

    @Test
    void shouldSeedTheDemoDataSetOnlyWithDemoAndOnlyIntoAnEmptyRegistry(CapturedOutput output) {
        SpringApplication app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context =
                     app.run("--registry.data-dir=target/test-data/" + UUID.randomUUID())) {
            DSLContext db = context.getBean(DSLContext.class);

            serve().onStarted(context);
            assertThat(db.fetchCount(DETAINEE)).isZero();

            serve("--demo").onStarted(context);
            assertThat(db.fetchCount(DETAINEE)).isEqualTo(DemoSeeder.DEMO_DETAINEES);
            assertThat(output).contains("Demo mode: the registry was empty, so it now holds 3000 demo detainees. "
                    + "They are synthetic");

            serve("--demo").onStarted(context);
            assertThat(db.fetchCount(DETAINEE)).isEqualTo(DemoSeeder.DEMO_DETAINEES);
            assertThat(output).contains("Demo mode: the registry already holds detainees")
                    .contains("the data is left alone");
        }
    }
}
