package vn.kiosk.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure the user {@code admin} exists; a generated password is printed once, never logged again. */
public final class Bootstrap {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    private static final String INSERT = "insert into users (username, password_hash, role) values ('admin', $1, 'admin')"
            + " on conflict (username) do nothing returning id";
    private static final String RESET = "update users set password_hash = $1, disabled = false where username = 'admin'";

    private Bootstrap() {
    }

    public static Future<Void> admin(Vertx vertx, Pool pool, Optional<String> configured) {
        String password = configured.orElseGet(() -> AuthService.randomToken().substring(0, 16));
        return vertx.executeBlocking(() -> Passwords.hash(password), false).compose(hash ->
                pool.preparedQuery(INSERT).execute(Tuple.of(hash)).compose(rows -> {
                    if (rows.size() > 0) {
                        if (configured.isEmpty()) {
                            // Printed on the console once, on purpose, so the operator can sign in.
                            System.out.println("\n  Kiosk: created user 'admin' with password: " + password
                                    + "\n  (shown only this once; set KIOSK_ADMIN_PASSWORD to choose it)\n");
                        }
                        log.info("Created the admin user");
                        return Future.succeededFuture();
                    }
                    if (configured.isPresent()) {
                        return pool.preparedQuery(RESET).execute(Tuple.of(hash)).mapEmpty();
                    }
                    return Future.succeededFuture();
                }));
    }
}
