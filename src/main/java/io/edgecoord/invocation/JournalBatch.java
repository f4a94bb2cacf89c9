package io.edgecoord.invocation;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

/**
 * One write of the {@link RecordJournal}: the ids of the records and outputs it carries, and what
 * completes once they are committed.
 */
record JournalBatch(List<String> ids, List<String> logIds, CompletableFuture<Void> done) {

    /** Statements per JDBC batch. */
    private static final int JDBC_BATCH = 100;

    /** Writes the rows in one transaction, records before outputs (an output's key names its record). */
    static void upsert(SessionFactory sessions, List<Invocation> records, List<InvocationLog> texts) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            session.setJdbcBatchSize(JDBC_BATCH);
            Transaction transaction = session.beginTransaction();
            try {
                if (!records.isEmpty()) {
                    session.upsertMultiple(records);
                }
                if (!texts.isEmpty()) {
                    session.upsertMultiple(texts);
                }
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
