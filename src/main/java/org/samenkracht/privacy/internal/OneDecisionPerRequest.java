package org.samenkracht.privacy.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.common.web.HeldResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One request, one transaction, one connection, one audit write. The request runs in a single
 * transaction (signing in, the access decisions, what the page reads, its audit rows), so a page
 * view commits once. The access gate remembers its decisions for the request ({@link RequestAccess})
 * and the audit rows it owes are written in one batched insert just before that commit. The answer
 * is held back until the commit is done ({@link HeldResponse}): nothing read leaves unlogged, and
 * the session (saved when the answer goes out) is written after the transaction has given its
 * connection back, so a request never holds two pooled connections. If the audit write fails, the
 * request fails. When nothing else waits for the commit, the audit write carries it: the insert and
 * the commit go to the database in one round trip.
 */
@Component
class OneDecisionPerRequest extends OncePerRequestFilter implements Ordered {

    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    OneDecisionPerRequest(PlatformTransactionManager transactions, AuditTrail audit) {
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
    }

    /** Just outside Spring Security (-100), inside Spring Session: signing in is part of the transaction. */
    @Override
    public int getOrder() {
        return -101;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/images/") || path.startsWith("/actuator") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HeldResponse held = new HeldResponse(response);
        RequestAccess access = RequestAccess.open();
        boolean committed = false;
        try {
            serve(access, () -> {
                try {
                    chain.doFilter(request, held);
                } catch (IOException | ServletException e) {
                    throw new Failure(e);
                }
            });
            committed = true;
        } catch (Failure f) {
            try {
                audit.flushAfterRollback(access, false);
            } catch (RuntimeException unlogged) {
                f.getCause().addSuppressed(unlogged);
            }
            if (f.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) f.getCause();
        } catch (UnexpectedRollbackException rolledBack) {
            // A part of the request failed and was answered (a refusal, a rule, a conflict); its changes
            // are rolled back, but what it read went out in the answer, so that is logged after all.
        } catch (RuntimeException e) {
            // Anything else, a failed commit above all (the database went away): the held answer is
            // never sent, so no one is told "saved" for what was not.
            try {
                audit.flushAfterRollback(access, false);
            } catch (RuntimeException unlogged) {
                e.addSuppressed(unlogged);
            }
            throw e;
        } finally {
            RequestAccess.close();
        }
        if (!committed || access.owesAnything()) {
            audit.flushAfterRollback(access, true);
        }
        if (request.isAsyncStarted()) {
            held.letThrough();
        } else {
            held.release();
        }
    }

    /**
     * The request's work in one transaction, with the audit rows it owes written in one batched insert
     * just before the commit (the benchmark opens a file through this too).
     */
    void serve(RequestAccess access, Runnable work) {
        transaction.executeWithoutResult(status -> {
            work.run();
            if (!status.isRollbackOnly()) {
                audit.flush(access, status.isNewTransaction() && nothingRunsAtCommit());
            }
        });
    }

    /**
     * Whether committing is all that is left: no one waits to run just before or after the commit
     * (an event listener bound to the transaction, a publication to store). Then the audit write may
     * carry the commit; otherwise the transaction manager commits, with its callbacks, as usual.
     */
    private static boolean nothingRunsAtCommit() {
        return !TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.getSynchronizations().isEmpty();
    }

    private static final class Failure extends RuntimeException {
        Failure(Exception cause) {
            super(cause);
        }
    }
}
