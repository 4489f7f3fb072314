package org.samenkracht.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reading a person's file audits every part that is read, and each audit row is a write. A page
 * reads several parts through several module APIs; without this filter each of them commits on
 * its own and waits for the disk. Here a GET of a person's file runs in one transaction, so its
 * audit rows are written with one durable commit. A refusal is still audited in a transaction of
 * its own (see PersonAccess), and a request that failed half-way rolls back its partial rows.
 */
@Component
class OneTransactionPerRead extends OncePerRequestFilter {

    private final TransactionTemplate transaction;

    OneTransactionPerRead(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return !read || !(path.startsWith("/persons/") || path.startsWith("/api/v1/persons/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            transaction.execute(status -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
                return null;
            });
        } catch (FilterFailure f) {
            if (f.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) f.getCause();
        } catch (UnexpectedRollbackException answeredAlready) {
            // a part of the page failed and was answered with an error page; its reads are rolled back
        }
    }

    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }
}
