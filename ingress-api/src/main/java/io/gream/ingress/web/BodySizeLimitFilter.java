package io.gream.ingress.web;

import io.gream.ingress.problem.ProblemCodes;
import io.gream.support.problem.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies larger than {@code gream.ingress.max-body-size} with {@code 413 PAYLOAD_TOO_LARGE}.
 *
 * <p>A declared {@code Content-Length} above the limit is refused without reading anything. A body without one
 * (chunked) is read up to one byte past the limit: more than that is refused, anything else is handed on from
 * memory. Either way the controller never starts parsing an oversized body. The servlet container's own limits
 * apply only to form posts, hence this filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final int maxBytes;
    private final HandlerExceptionResolver problems;

    BodySizeLimitFilter(RequestBodyLimit limit,
                        @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.maxBytes = (int) limit.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
            return;
        }
        if (declared == 0 || !mayHaveBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        // The container delivers no more than a declared Content-Length: read just that, not a buffer of the limit.
        byte[] body = request.getInputStream().readNBytes(declared > 0 ? (int) declared : maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static boolean mayHaveBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) {
        // The connection may still carry the unread body: do not reuse it.
        response.setHeader("Connection", "close");
        problems.resolveException(request, response, null, new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE,
                ProblemCodes.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBytes + " bytes.")
                .withProperty("maxBytes", maxBytes));
    }

    /** The request with its (small) body already read into memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BufferedInputStream(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static final class BufferedInputStream extends ServletInputStream {

        private final InputStream in;

        BufferedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            try {
                return in.available() == 0;
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is already in memory; read it synchronously");
        }
    }
}
