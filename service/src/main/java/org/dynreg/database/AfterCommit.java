package org.dynreg.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What may only happen once the surrounding transaction has committed: above all a log line saying that
 * something was stored, which must not be written for a write that then rolls back (a failed commit, a
 * deadlock, a lost connection). Outside a transaction the action runs at once; after a rollback, never.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
