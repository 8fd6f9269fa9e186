package vn.kiosk.server.http;

/** How long and how large a client may be: slow and idle connections must not hold the server. */
public record HttpLimits(int idleTimeoutSeconds, int headerTimeoutSeconds, int bodyTimeoutSeconds,
                         int maxHeaderBytes) {
}
