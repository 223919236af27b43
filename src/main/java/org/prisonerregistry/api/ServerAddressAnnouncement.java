package org.prisonerregistry.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up where the API answers, so a newcomer need not read the Tomcat lines. */
@Component
class ServerAddressAnnouncement implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ServerAddressAnnouncement.class);

    private final Environment environment;

    ServerAddressAnnouncement(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String host = environment.getProperty("server.address", "localhost");
        String base = "http://" + host + ":" + event.getWebServer().getPort();
        boolean graphiql = environment.getProperty("spring.graphql.graphiql.enabled", Boolean.class, false);
        log.info("GraphQL API at {}/graphql{}", base, graphiql ? " (GraphiQL editor at " + base + "/graphiql)" : "");
    }
}
