package vn.kiosk.server.sms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.config.SmsSettings;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.visitor.Phones;

/**
 * SMS reminders, built only when {@link SmsSettings} are configured: the queue, the sender thread and what arrives
 * from the SMSC (receipts, opt-out replies).
 */
public final class Sms implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sms.class);

    private final SmsQueue queue;
    private final SmsSender sender;
    private final PersonalData personal;
    private final Clock clock;
    private final SmsSettings settings;
    private Thread thread;

    public Sms(Vertx vertx, Pool pool, PgConnectOptions connect, PersonalData personal, SmsSettings settings, Clock clock,
               int retentionDays) {
        this.queue = new SmsQueue(pool, settings);
        this.personal = personal;
        this.clock = clock;
        this.settings = settings;
        this.sender = new SmsSender(vertx, connect, queue, personal, settings, new Inbound(), clock, retentionDays);
    }

    public synchronized void start() {
        thread = new Thread(sender, "kiosk-sms-sender");
        thread.setDaemon(true);
        thread.start();
        log.info("SMS reminders on: SMSC {}:{}{}, sender {}", settings.host(), settings.port(),
                settings.tls() ? " (TLS)" : "", settings.sourceAddr());
    }

    /** Queues the reminders due now (the sender does this every 30 s; tests call it after moving the clock). */
    public Future<Integer> plan() {
        return queue.plan(clock.instant(), null).onSuccess(n -> sender.wake());
    }

    /** True while this instance is bound to the SMSC. */
    public boolean bound() {
        return sender.bound();
    }

    /** True while this instance holds the sender lock. */
    public boolean sending() {
        return sender.leader();
    }

    SmsQueue queue() {
        return queue;
    }

    PersonalData personal() {
        return personal;
    }

    Clock clock() {
        return clock;
    }

    void wake() {
        sender.wake();
    }

    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        sender.stop();
        try {
            // time to unbind politely; a submit still waiting for its answer is then cut short
            thread.join(2000);
            thread.interrupt();
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    /** Runs on jSMPP's threads: blocking on the database is fine there, and the SMSC waits for the answer. */
    private final class Inbound implements SmppLink.Inbound {
        @Override
        public void receipt(String smscId, String stat, String err) throws Exception {
            SmsSender.await(queue.receipt(smscId.replace("\0", ""), stat, err, clock.instant()));
        }

        @Override
        public void reply(String from, String text) throws Exception {
            if (!Keywords.optsOut(text)) {
                log.info("A reply that is not an opt-out keyword was ignored");
                return;
            }
            Optional<String> e164 = Phones.normalize(from);
            Optional<Long> visitor = e164.isEmpty() ? Optional.empty()
                    : SmsSender.await(queue.visitorByPhone(personal.hash("phone", e164.get())));
            if (visitor.isEmpty()) {
                log.info("An opt-out reply came from a number no visitor has");
                return;
            }
            SmsSender.await(queue.choose(visitor.get(), false, "reply", null, null, clock.instant()));
            log.info("Visitor {} opted out of SMS reminders by reply", visitor.get());
        }
    }
}
