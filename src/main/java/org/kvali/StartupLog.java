package org.kvali;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the service where to find it, in one line. */
@Component
class StartupLog implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

	private final boolean graphiql;

	StartupLog(@Value("${spring.graphql.graphiql.enabled:false}") boolean graphiql) {
		this.graphiql = graphiql;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		var base = "http://localhost:" + event.getWebServer().getPort();
		log.info("Kvali is up: GraphQL {}/graphql, {}health {}/actuator/health", base,
				this.graphiql ? "GraphiQL " + base + "/graphiql, " : "", base);
	}

}
