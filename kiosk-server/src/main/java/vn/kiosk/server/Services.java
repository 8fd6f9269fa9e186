package vn.kiosk.server;

import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.Collection;
import java.util.function.Consumer;
import vn.kiosk.server.auth.Authenticator;
import vn.kiosk.server.auth.UserHandlers;
import vn.kiosk.server.checkin.VisitWriter;
import vn.kiosk.server.config.Config;
import vn.kiosk.server.events.EventRelay;
import vn.kiosk.server.http.RateLimiter;
import vn.kiosk.server.log.SseHandler;
import vn.kiosk.server.qr.QrHandlers;
import vn.kiosk.server.site.SiteAccess;
import vn.kiosk.server.visitor.ServerKeys;

/**
 * What the HTTP verticles share; built once by {@code Main}. {@code readPool} serves reads that may lag the
 * last write (log, exports, reports, traces): the read replica when one is configured, else {@code pool}.
 * {@code draining} is set when the server is about to stop: answers then close their connections. {@code clock} is
 * the time decisions are taken at. {@code sms} is null unless an SMSC is configured.
 */
public record Services(io.vertx.core.Vertx vertx, Config config, Pool pool, Pool readPool, Authenticator authenticator, SiteAccess access,
                       EventRelay relay, ServerKeys keys, RateLimiter limiter, SseHandler sse, QrHandlers qr,
                       UserHandlers users, Collection<VisitWriter> writers, Consumer<Router> web,
                       java.util.concurrent.atomic.AtomicBoolean draining,
                       java.time.Clock clock, vn.kiosk.server.sms.Sms sms,
                       vn.kiosk.server.privacy.Notices notices) {
}
