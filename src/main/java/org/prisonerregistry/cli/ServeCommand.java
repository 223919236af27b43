package org.prisonerregistry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.prisonerregistry.Application;
import org.prisonerregistry.seed.DemoSeeder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Starts the GraphQL server and blocks until it is shut down. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the GraphQL server (http://localhost:8080/graphql unless configured).")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "If the registry holds no detainees, add " + DemoSeeder.DEMO_DETAINEES
            + " synthetic demo detainees after start-up (always the same ones). A registry with data is left alone.")
    boolean demo;

    /** Spring properties such as --server.port=9090, passed through unchanged. */
    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        SpringApplication app = new SpringApplication(Application.class);
        app.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        ConfigurableApplicationContext context = app.run(springArguments.toArray(String[]::new));
        onStarted(context);
        closed.await();
        return 0;
    }

    /** Hook for work after start-up, such as seeding demo data. */
    void onStarted(ConfigurableApplicationContext context) {
        if (demo) {
            context.getBean(DemoSeeder.class).seedDemoDataIfEmpty();
        }
    }
}
