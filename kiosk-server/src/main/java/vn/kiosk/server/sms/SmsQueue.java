package vn.kiosk.server.sms;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import vn.kiosk.server.config.SmsSettings;

/** The SQL of SMS reminders: consents, the send queue in its states, receipts. Times come from the caller's clock. */
final class SmsQueue {
    private static final String PLAN = "select kiosk_sms_plan($1, make_interval(days => $2), make_interval(mins => $3),"
            + " $4, $5, $6) as queued";
    // Not wanted any more: the visitor opted out, left, or the stay is over; or it waited a day (the SMSC was
    // down): a reminder that late helps nobody.
    private static final String CANCEL_STALE = "update sms_outbox o set state = 'cancelled', done_at = $1::timestamptz,"
            + " phone_enc = null, error = 'no longer wanted' where o.state = 'queued' and ("
            + " not exists (select 1 from sms_consents c where c.visitor_id = o.visitor_id and c.opted_in)"
            + " or (o.kind = 'checkout' and (o.due_at <= $1 or not exists (select 1 from presence p"
            + "   where p.site_id = o.site_id and p.visitor_id = o.visitor_id and p.visit_id = o.visit_id)))"
            + " or o.queued_at < $1::timestamptz - interval '1 day')";
    private static final String CLAIM = "update sms_outbox o set state = 'sending', sending_at = $1"
            + " where o.id = (select id from sms_outbox where state = 'queued' order by id limit 1 for update skip locked)"
            + " returning o.id, o.kind, o.visitor_id, o.phone_enc, o.due_at,"
            + " (select name from sites s where s.id = o.site_id) as site_name,"
            + " (select time_zone from sites s where s.id = o.site_id) as time_zone";
    private static final String SENT = "update sms_outbox set state = 'sent', sent_at = $2, parts = $3, smsc_ids = $4,"
            + " phone_enc = null, error = null where id = $1 and state = 'sending'";
    private static final String FAILED = "update sms_outbox set state = 'failed', done_at = $2, error = $3, phone_enc = null"
            + " where id = $1 and state = 'sending'";
    // Stays 'sending' (never sent again); the number is no longer needed.
    private static final String UNKNOWN = "update sms_outbox set error = $2, phone_enc = null where id = $1 and state = 'sending'";
    // Taken by a sender that stopped before it recorded the outcome (a restart, a crash): the same, once the lock is
    // this instance's (only the holder claims, so a row still 'sending' is a previous holder's).
    private static final String STRANDED = "update sms_outbox set error = 'outcome unknown: the sending server stopped',"
            + " phone_enc = null where state = 'sending' and error is null";
    private static final String RECEIPT = "insert into sms_receipts (smsc_id, stat, err, received_at) values ($1, $2, $3, $4)"
            + " on conflict (smsc_id) do nothing";
    // Done once every part has its receipt; in a later round if a receipt came before its message was marked sent.
    private static final String RECONCILE = "with r as (select o.id, cardinality(o.smsc_ids) as parts, count(x.smsc_id) as got,"
            + " count(*) filter (where x.stat = 'DELIVRD') as ok from sms_outbox o"
            + " join sms_receipts x on x.smsc_id = any(o.smsc_ids)"
            + " where o.state = 'sent' and o.sent_at > $1::timestamptz - interval '3 days' group by o.id)"
            + " update sms_outbox o set state = case when r.ok = r.parts then 'delivered' else 'undelivered' end, done_at = $1"
            + " from r where o.id = r.id and r.got >= r.parts";
    private static final String CONSENT = "insert into sms_consents as c (visitor_id, opted_in, changed_at, via, user_id,"
            + " site_id, opted_in_at) values ($1, $2::boolean, $3::timestamptz, $4, $5, $6, case when $2::boolean then $3::timestamptz end)"
            + " on conflict (visitor_id) do update set opted_in = excluded.opted_in, changed_at = excluded.changed_at,"
            + " via = excluded.via, user_id = excluded.user_id, site_id = excluded.site_id,"
            + " opted_in_at = coalesce(excluded.opted_in_at, c.opted_in_at)"
            + " returning opted_in, changed_at, via";
    private static final String CANCEL_VISITOR = "update sms_outbox set state = 'cancelled', done_at = $2, phone_enc = null,"
            + " error = 'opted out' where visitor_id = $1 and state = 'queued'";
    private static final String STATUS = "select opted_in, changed_at, via from sms_consents where visitor_id = $1";
    private static final String BY_PHONE = "select id from visitors where phone_hash = $1";
    private static final String PURGE_OUTBOX = "delete from sms_outbox where queued_at < $1";
    private static final String PURGE_RECEIPTS = "delete from sms_receipts where received_at < $1";

    /** A message taken for sending. */
    record Claimed(long id, String kind, long visitorId, byte[] phoneEnc, Instant dueAt, String siteName, String zone) {
    }

    /** A visitor's choice as stored. */
    record Choice(boolean optedIn, OffsetDateTime changedAt, String via) {
    }

    private final Pool pool;
    private final SmsSettings settings;

    SmsQueue(Pool pool, SmsSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    Future<Integer> plan(Instant now, Long visitorId) {
        return pool.preparedQuery(PLAN).execute(Tuple.of(utc(now), settings.installEveryDays(),
                        settings.checkoutLeadMinutes(), settings.fromHour(), settings.untilHour(), visitorId))
                .map(rows -> rows.iterator().next().getInteger("queued"));
    }

    Future<Integer> cancelStale(Instant now) {
        return pool.preparedQuery(CANCEL_STALE).execute(Tuple.of(utc(now))).map(r -> r.rowCount());
    }

    /** Commits "sending" before the caller submits anything. */
    Future<Optional<Claimed>> claim(Instant now) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(utc(now))).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            Buffer phone = r.getBuffer("phone_enc");
            OffsetDateTime due = r.getOffsetDateTime("due_at");
            return Optional.of(new Claimed(r.getLong("id"), r.getString("kind"), r.getLong("visitor_id"),
                    phone == null ? null : phone.getBytes(), due == null ? null : due.toInstant(), r.getString("site_name"),
                    r.getString("time_zone")));
        });
    }

    Future<Void> sent(long id, Instant now, List<String> smscIds) {
        return pool.preparedQuery(SENT).execute(Tuple.of(id, utc(now), smscIds.size(), smscIds.toArray(new String[0])))
                .mapEmpty();
    }

    Future<Void> failed(long id, Instant now, String error) {
        return pool.preparedQuery(FAILED).execute(Tuple.of(id, utc(now), error)).mapEmpty();
    }

    Future<Integer> stranded() {
        return pool.query(STRANDED).execute().map(SqlResult::rowCount);
    }

    Future<Void> unknown(long id, String error) {
        return pool.preparedQuery(UNKNOWN).execute(Tuple.of(id, "outcome unknown: " + error)).mapEmpty();
    }

    Future<Integer> receipt(String smscId, String stat, String err, Instant now) {
        return pool.preparedQuery(RECEIPT).execute(Tuple.of(smscId, stat, err, utc(now)))
                .compose(x -> reconcile(now));
    }

    Future<Integer> reconcile(Instant now) {
        return pool.preparedQuery(RECONCILE).execute(Tuple.of(utc(now))).map(r -> r.rowCount());
    }

    /** Records a choice; an opt-out also cancels what is still queued for the visitor, in the same transaction. */
    Future<Choice> choose(long visitorId, boolean optIn, String via, Long userId, Long siteId, Instant now) {
        return pool.withTransaction(c -> c.preparedQuery(CONSENT)
                .execute(Tuple.of(visitorId, optIn, utc(now), via, userId, siteId))
                .compose(rows -> (optIn ? Future.<Object>succeededFuture()
                        : c.preparedQuery(CANCEL_VISITOR).execute(Tuple.of(visitorId, utc(now))))
                        .map(x -> choice(rows.iterator().next()))));
    }

    Future<Optional<Choice>> status(long visitorId) {
        return pool.preparedQuery(STATUS).execute(Tuple.of(visitorId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(choice(rows.iterator().next())) : Optional.empty());
    }

    Future<Optional<Long>> visitorByPhone(byte[] phoneHash) {
        return pool.preparedQuery(BY_PHONE).execute(Tuple.of(Buffer.buffer(phoneHash)))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getLong("id")) : Optional.empty());
    }

    /** Messages and receipts go after the days visits are kept. */
    Future<Void> purge(Instant now, int retentionDays) {
        OffsetDateTime before = utc(now).minusDays(retentionDays);
        return pool.preparedQuery(PURGE_OUTBOX).execute(Tuple.of(before))
                .compose(x -> pool.preparedQuery(PURGE_RECEIPTS).execute(Tuple.of(before))).mapEmpty();
    }

    private static Choice choice(Row r) {
        return new Choice(r.getBoolean("opted_in"), r.getOffsetDateTime("changed_at"), r.getString("via"));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
