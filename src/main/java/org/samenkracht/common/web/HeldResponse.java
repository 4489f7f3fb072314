package org.samenkracht.common.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A response held back until the request's work is safely done: the body, a redirect or an error
 * reach the client only on {@link #release()}. So what a request read leaves the server only after
 * its audit rows are committed, and nothing commits the response (and with it the session, on a
 * second database connection) while the request's transaction is still open. A response that is
 * streamed after the request returns (asynchronous) is let through from {@link #letThrough()} on.
 */
public final class HeldResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    private final Object lock = new Object();
    private volatile boolean through;
    private ServletOutputStream stream;
    private PrintWriter writer;
    private String redirect;
    private Integer error;
    private String errorMessage;

    public HeldResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was called already");
        }
        if (stream == null) {
            ServletOutputStream real = through ? super.getOutputStream() : null;
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    synchronized (lock) {
                        if (through) {
                            getResponse().getOutputStream().write(b);
                        } else {
                            body.write(b);
                        }
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    synchronized (lock) {
                        if (through) {
                            getResponse().getOutputStream().write(b, off, len);
                        } else {
                            body.write(b, off, len);
                        }
                    }
                }

                @Override
                public void flush() throws IOException {
                    if (through) {
                        getResponse().getOutputStream().flush();
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    if (real != null) {
                        real.setWriteListener(listener);
                    }
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() was called already");
            }
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            ServletOutputStream out = getOutputStream();
            stream = null;  // the writer owns the stream now
            writer = new PrintWriter(new OutputStreamWriter(out, charset));
        }
        return writer;
    }

    @Override
    public void sendRedirect(String location) {
        redirect = location;
    }

    @Override
    public void sendError(int sc) {
        error = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
        error = sc;
        errorMessage = msg;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public boolean isCommitted() {
        return through && super.isCommitted();
    }

    @Override
    public void resetBuffer() {
        synchronized (lock) {
            body.reset();
        }
    }

    @Override
    public void reset() {
        super.reset();
        resetBuffer();
        redirect = null;
        error = null;
    }

    @Override
    public void setContentLength(int len) {
        // the length is set from the held body on release
    }

    @Override
    public void setContentLengthLong(long len) {
        // the length is set from the held body on release
    }

    /** Sends what was held. */
    public void release() throws IOException {
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (writer != null) {
            writer.flush();
        }
        if (error != null) {
            if (errorMessage == null) {
                response.sendError(error);
            } else {
                response.sendError(error, errorMessage);
            }
        } else if (redirect != null) {
            response.sendRedirect(redirect);
        } else {
            synchronized (lock) {
                if (body.size() > 0) {
                    response.setContentLength(body.size());
                    body.writeTo(response.getOutputStream());
                }
                body.reset();
            }
        }
    }

    /** From now on, writes go straight to the client (an asynchronous answer streams after the request). */
    public void letThrough() throws IOException {
        synchronized (lock) {
            if (writer != null) {
                writer.flush();
            }
            if (body.size() > 0) {
                body.writeTo(getResponse().getOutputStream());
                body.reset();
            }
            through = true;
        }
    }
}
