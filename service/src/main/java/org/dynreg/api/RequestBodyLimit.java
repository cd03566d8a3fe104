package org.dynreg.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request body larger than its limit with 413, before anything reads it: {@code dynreg.http.max-body}
 * for JSON and every other body, {@code dynreg.http.max-upload} for multipart uploads (policy bundles). A body
 * that declares its length is refused at once; a chunked one when the limit is crossed while it is read
 * ({@link BodyTooLargeException}, answered 413 by {@link ApiErrors}).
 */
@Component
// Just after Spring Security's filters: an anonymous caller is answered 401 before any limit, and the 413 carries the
// security headers like every other answer.
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
class RequestBodyLimit extends OncePerRequestFilter {
    /** Request attribute telling the error page which limit a refused body crossed. */
    static final String LIMIT_ATTRIBUTE = RequestBodyLimit.class.getName() + ".limit";

    private final long maxBody;
    private final long maxUpload;

    RequestBodyLimit(@Value("${dynreg.http.max-body}") DataSize maxBody, @Value("${dynreg.http.max-upload}") DataSize maxUpload) {
        this.maxBody = maxBody.toBytes();
        this.maxUpload = maxUpload.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/") ? maxUpload : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            request.setAttribute(LIMIT_ATTRIBUTE, limit);
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
    }

    /**
     * The container answers {@code Expect: 100-continue} only once the body is read, so that a client waiting to
     * send a body the service refuses gets the 413 before it sends a byte, rather than a broken connection.
     */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnlyWhenRead() {
        return factory -> factory.addConnectorCustomizers(c -> c.setProperty("continueResponseTiming", "onRead"));
    }

    /** A request body past its limit, found while reading a body that did not declare its length. */
    static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** Counts what is read of a body of undeclared length and fails once it passes the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream counted;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }
}
