package io.edgecoord.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * Does for the embedded H2 file what H2's own background writer would, had {@code WRITE_DELAY=0}
 * not turned it off: every interval it forces the file to disk and rewrites sparse chunks so
 * their space is reused. With {@code WRITE_DELAY=0} each commit is written before it returns
 * (what makes an accepted call survive {@code kill -9}), but as its own chunk, and H2 then never
 * compacts: chunks that keep a few live pages are never freed and the file grows without end.
 * See docs/operations.md, "The embedded database's file".
 * <p>
 * The forced write also makes true what H2's {@code RETENTION_TIME} assumes (that the file system
 * has flushed a chunk before a chunk it replaced is overwritten), so the retention can be short.
 */
class EmbeddedDatabaseMaintenance implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseMaintenance.class);

    /** Chunks less full than this are rewritten, as H2's housekeeping does by default. */
    static final int TARGET_FILL_RATE = 90;

    /** The most bytes one round rewrites, so that a round holds H2's store lock only briefly. */
    static final int WRITE_LIMIT = 4 * 1024 * 1024;

    private final DataSource dataSource;
    private final Duration interval;
    private final SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
    private ScheduledFuture<?> rounds;

    EmbeddedDatabaseMaintenance(DataSource dataSource, Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
        scheduler.setThreadNamePrefix("h2-maintenance-");
    }

    @Override
    public void afterPropertiesSet() {
        rounds = scheduler.scheduleWithFixedDelay(this::runSafely, interval);
    }

    /** One round: force the file to disk, then rewrite what is sparse. */
    void run() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            if (store.isClosed()) {
                return;
            }
            store.getFileStore().sync();
            store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
        }
    }

    private void runSafely() {
        try {
            run();
        }
        catch (SQLException | RuntimeException e) {
            // The next round tries again; a closed or broken database is reported by its users.
            log.warn("Maintenance of the embedded database failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        if (rounds != null) {
            rounds.cancel(false);
        }
        scheduler.close();
    }
}
