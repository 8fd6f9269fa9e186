package vn.kiosk.server.sms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.config.SmsSettings;
import vn.kiosk.server.visitor.PersonalData;

/**
 * The one thread that talks to the SMSC. Of several instances only the holder of a PostgreSQL advisory lock (on a
 * connection of its own) plans and sends, so one bind carries all the traffic; each message is claimed as
 * "sending" and committed before its submit_sm, so no message ever goes twice, even when two instances briefly
 * both believe they hold the lock.
 */
final class SmsSender implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);
    private static final long LOCK_KEY = 0x4b494f534b534d53L; // "KIOSKSMS"
    static final Duration PLAN_EVERY = Duration.ofSeconds(30);
    private static final long IDLE_MS = 1000;
    private static final long AWAIT_SECONDS = 30;

    private final Vertx vertx;
    private final PgConnectOptions connect;
    private final SmsQueue queue;
    private final PersonalData personal;
    private final SmppLink link;
    private final Clock clock;
    private final int retentionDays;
    private final Semaphore work = new Semaphore(0);
    private volatile boolean running = true;
    private volatile PgConnection lock;
    private long nextLockAttempt;
    private Instant nextPlan = Instant.MIN;
    private Instant nextPurge = Instant.MIN;
    private long nextUpkeep;

    SmsSender(Vertx vertx, PgConnectOptions connect, SmsQueue queue, PersonalData personal, SmsSettings settings,
              SmppLink.Inbound inbound, Clock clock, int retentionDays) {
        this.vertx = vertx;
        this.connect = connect;
        this.queue = queue;
        this.personal = personal;
        this.link = new SmppLink(settings, inbound);
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    void wake() {
        work.release();
    }

    void stop() {
        running = false;
        work.release();
    }

    boolean bound() {
        return link.isBound();
    }

    boolean leader() {
        return lock != null;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (!holdLock()) {
                    idle(5 * IDLE_MS);
                    continue;
                }
                Instant now = clock.instant();
                if (!now.isBefore(nextPlan)) {
                    nextPlan = now.plus(PLAN_EVERY);
                    int queued = await(queue.plan(now, null));
                    if (queued > 0) {
                        log.info("Queued {} SMS reminders", queued);
                    }
                }
                if (!now.isBefore(nextPurge)) {
                    nextPurge = now.plus(Duration.ofHours(1));
                    await(queue.purge(now, retentionDays));
                }
                if (System.currentTimeMillis() >= nextUpkeep) {
                    nextUpkeep = System.currentTimeMillis() + IDLE_MS;
                    await(queue.cancelStale(now));
                    await(queue.reconcile(now));
                }
                if (!link.bound() || !sendOne(now)) {
                    idle(IDLE_MS);
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("SMS round failed ({}: {}); trying again", e.getClass().getSimpleName(), e.getMessage());
                    idle(IDLE_MS);
                }
            }
        }
        link.close();
        PgConnection held = lock;
        lock = null;
        if (held != null) {
            held.close();
        }
    }

    /** Takes, sends and records one queued message; false when there was none. */
    private boolean sendOne(Instant now) throws Exception {
        Optional<SmsQueue.Claimed> claimed = await(queue.claim(now));
        if (claimed.isEmpty()) {
            return false;
        }
        SmsQueue.Claimed m = claimed.get();
        List<byte[]> parts;
        String phone;
        try {
            phone = personal.decrypt(m.phoneEnc());
            String text = "checkout".equals(m.kind())
                    ? SmsMessages.checkout(m.siteName(), m.dueAt(), ZoneId.of(m.zone())) : SmsMessages.install();
            parts = SmsText.parts(text, (int) (m.id() & 0xff));
        } catch (RuntimeException e) {
            await(queue.failed(m.id(), clock.instant(), "not sendable: " + e.getClass().getSimpleName()));
            log.warn("SMS {} not sendable ({})", m.id(), e.getClass().getSimpleName());
            return true;
        }
        try {
            List<String> ids = link.submit(phone, parts);
            await(queue.sent(m.id(), clock.instant(), ids));
        } catch (SmppLink.Refused e) {
            await(queue.failed(m.id(), clock.instant(), e.getMessage()));
            log.warn("SMS {} refused by the SMSC: {}", m.id(), e.getMessage());
        } catch (IOException e) {
            log.warn("SMS {} may or may not have been sent ({}); it will not be sent again", m.id(), e.getMessage());
            await(queue.unknown(m.id(), e.getMessage()));
        }
        return true;
    }

    private boolean holdLock() {
        if (lock != null) {
            return true;
        }
        if (System.currentTimeMillis() < nextLockAttempt) {
            return false;
        }
        nextLockAttempt = System.currentTimeMillis() + 5 * IDLE_MS;
        PgConnection c;
        try {
            c = await(PgConnection.connect(vertx, connect));
        } catch (Exception e) {
            return false;
        }
        boolean got;
        try {
            got = await(c.query("select pg_try_advisory_lock(" + LOCK_KEY + ") as got").execute())
                    .iterator().next().getBoolean("got");
        } catch (Exception e) {
            got = false;
        }
        if (!got) {
            c.close();
            return false;
        }
        c.closeHandler(v -> {
            if (lock == c) {
                lock = null;
                log.warn("Lost the SMS sender lock (database connection closed); stopping until it is held again");
                // another instance may take over: it must be the only one bound
                work.release();
            }
        });
        lock = c;
        nextPlan = Instant.MIN;
        log.info("This instance sends the SMS reminders");
        try {
            int stranded = await(queue.stranded());
            if (stranded > 0) {
                log.warn("{} SMS taken by a sender that stopped have an unknown outcome; they will not be sent again",
                        stranded);
            }
        } catch (Exception e) {
            log.warn("Could not mark the SMS left by a stopped sender ({})", e.getClass().getSimpleName());
        }
        return true;
    }

    private void idle(long ms) {
        try {
            if (work.tryAcquire(ms, TimeUnit.MILLISECONDS)) {
                work.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        if (lock == null) {
            link.close();
        }
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.await(AWAIT_SECONDS, TimeUnit.SECONDS);
    }
}
