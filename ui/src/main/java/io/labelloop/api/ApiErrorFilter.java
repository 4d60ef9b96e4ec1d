package io.labelloop.api;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Gives errors that never reach a controller the one {@link ApiError} body: a {@code sendError} from Spring (405,
 * 415, a rejected URL, the security chain) would otherwise be re-dispatched to {@code /error} and end in the login
 * page or Tomcat's HTML; an exception that escapes everything becomes a 500 with a short message (the trace is
 * logged). Runs before Spring Security, so its refusals are covered too. Refuses a body over the limit
 * ({@link ApiSettings}) with 413. What Tomcat refuses before any filter runs gets the body from
 * {@link TomcatErrorBodies}.
 */
@Configuration
@EnableConfigurationProperties(ApiSettings.class)
class ApiErrorFilter {

    /** Before Spring Security's filter chain (order -100). */
    static final int ORDER = -110;
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiErrorBodies(ApiSettings settings) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Filter(settings.maxBodySize().toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }

    /**
     * Spring Security's firewall ({@code //}, {@code ;}, {@code %25}, {@code ..} in a URL) throws before any filter
     * of ours sees the request again: its refusal gets the one body under {@code /api}, the plain 400 elsewhere.
     */
    @Bean
    RequestRejectedHandler apiRequestRejected() {
        return (request, response, e) -> {
            if (TomcatErrorBodies.JsonErrorReportValve.forApi(request.getRequestURI())) {
                write(response, ApiError.of(400, "this URL is refused (" + e.getMessage() + "): send a normalised "
                        + "path without '//', ';', '..' or an encoded '%', '/' or '\\'"));
            } else {
                response.sendError(400);
            }
        };
    }

    static String json(ApiError error) throws IOException {
        return JSON.writeValueAsString(error);
    }

    static void write(HttpServletResponse response, ApiError error) throws IOException {
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(error));
        response.flushBuffer();
    }

    private static final class Filter extends OncePerRequestFilter {
        private final long maxBodyBytes;

        Filter(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException {
            if (request.getContentLengthLong() > maxBodyBytes) {
                write(response, ApiError.of(413, BodyLimit.message(request.getContentLengthLong(), maxBodyBytes)));
                return;
            }
            try {
                chain.doFilter(new BodyLimit(request, maxBodyBytes), new JsonErrors(response));
            } catch (ServletException | RuntimeException e) {
                if (response.isCommitted()) {
                    LOG.warn("{} {} failed after the answer began", request.getMethod(), request.getRequestURI(), e);
                    return;
                }
                boolean rejected = e.getClass().getSimpleName().equals("RequestRejectedException");
                if (!rejected) {
                    LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
                }
                write(response, rejected ? ApiError.of(400, "this URL is refused: " + e.getMessage())
                        : ApiError.of(500, "internal error (" + e.getClass().getSimpleName() + "); it is logged"));
            }
        }
    }

    /** Turns {@code sendError} into the JSON body instead of an error dispatch. */
    private static final class JsonErrors extends HttpServletResponseWrapper {
        JsonErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            write((HttpServletResponse) getResponse(), ApiError.of(status, message == null || message.isBlank()
                    ? reason(status) : message));
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        private static String reason(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            return known == null ? "error " + status : known.getReasonPhrase();
        }
    }
}
