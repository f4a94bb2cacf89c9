package io.edgecoord.invocation.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

/**
 * One write of the {@link RecordJournal}: the ids of the records and outputs it carries, what
 * completes once they are committed, and whether someone waits for it (then nothing is left for later).
 */
record JournalBatch(List<String> ids, List<String> logIds, CompletableFuture<Void> done, boolean urgent) {

    /** Statements per JDBC batch. */
    private static final int JDBC_BATCH = 100;

    /**
     * The rows of one transaction: new records are inserted and stored ones updated, each kind in
     * JDBC batches (an upsert is emulated by most dialects as an update and then an insert, one
     * statement at a time); outputs go after the records, since an output's key names its record.
     */
    record Rows(List<Invocation> inserts, List<Invocation> updates, List<InvocationLog> newLogs,
            List<InvocationLog> replacedLogs) {

        int size() {
            return inserts.size() + updates.size() + newLogs.size() + replacedLogs.size();
        }
    }

    static void write(SessionFactory sessions, Rows rows) {
        inTransaction(sessions, session -> {
            session.insertMultiple(rows.inserts());
            session.updateMultiple(rows.updates());
            session.insertMultiple(rows.newLogs());
            session.upsertMultiple(rows.replacedLogs());
        });
    }

    /** Writes one row whatever the database holds of it already. */
    static void upsert(SessionFactory sessions, Object row) {
        inTransaction(sessions, session -> session.upsert(row));
    }

    private interface Work {
        void in(StatelessSession session);
    }

    private static void inTransaction(SessionFactory sessions, Work work) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            session.setJdbcBatchSize(JDBC_BATCH);
            Transaction transaction = session.beginTransaction();
            try {
                work.in(session);
                transaction.commit();
            }
            catch (RuntimeException ex) {
                rollback(transaction, ex);
                throw ex;
            }
        }
    }

    private static void rollback(Transaction transaction, RuntimeException failure) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        }
        catch (RuntimeException ex) {
            failure.addSuppressed(ex);
        }
    }
}
