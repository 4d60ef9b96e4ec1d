package io.labelloop.api;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The one {@link ApiError} body for requests Tomcat refuses before the application sees them: a malformed
 * percent-escape ({@code %zz}), an encoded {@code /} or {@code \}, a character a request line may not hold, headers
 * too large. Tomcat answers those with its host's error report valve, an HTML page; this replaces that valve with one
 * that answers JSON under {@code /api} and when the request line was too broken to tell the path (a script, since a
 * browser always sends a well-formed one), and Tomcat's page without server details elsewhere.
 */
@Configuration
class TomcatErrorBodies {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorValve() {
        // Installed when the context starts, after every customizer (Spring Boot's own adds a plain report valve).
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                install(context.getParent());
            }
        }));
    }

    static void install(Container host) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                pipeline.removeValve(valve);
            }
        }
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
        JsonErrorReportValve valve = new JsonErrorReportValve();
        valve.setShowReport(false);
        valve.setShowServerInfo(false);
        pipeline.addValve(valve);
    }

    /** Tomcat's error report valve, answering {@link ApiError} JSON for API requests. Public: Tomcat may create it. */
    public static final class JsonErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (!forApi(request.getRequestURI())) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            try {
                Writer writer = response.getReporter();
                if (writer != null) {
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    writer.write(ApiErrorFilter.json(ApiError.of(status, message(status, response.getMessage()))));
                }
            } catch (IOException | IllegalStateException e) {
                container.getLogger().debug("no JSON error body for " + request.getRequestURI(), e);
            }
        }

        /** An API path, or none at all: the request line could not be read. */
        static boolean forApi(String uri) {
            return uri == null || uri.isEmpty() || uri.equals("/api") || uri.startsWith("/api/") || uri.startsWith("/api;");
        }

        private static String message(int status, String tomcat) {
            String detail = tomcat == null || tomcat.isBlank() ? "" : " (" + tomcat + ")";
            if (status == 400) {
                return "the request line or URL is malformed" + detail + ": percent-encode the path and query "
                        + "(a valid %XX escape, no encoded '/' or '\\', no space, '{', '}', '|' or control characters)";
            }
            HttpStatus known = HttpStatus.resolve(status);
            return (known == null ? "error " + status : known.getReasonPhrase()) + detail;
        }
    }
}
