package io.edgecoord.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report. */
@Configuration(proxyBeanMethods = false)
class ContainerErrorsConfiguration {

    @Bean
    TomcatContextCustomizer problemErrorReports() {
        // When the context starts its host has started and added its ErrorReportValve: swap it then.
        return (context) -> context.addLifecycleListener((event) -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                replaceErrorReport(context.getParent());
            }
        });
    }

    private static void replaceErrorReport(Container host) {
        if (host == null) {
            return;
        }
        boolean ours = false;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemErrorReportValve) {
                ours = true;
            }
            else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!ours) {
            host.getPipeline().addValve(new ProblemErrorReportValve());
        }
    }
}
