package vn.kiosk.server.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets an appender write only when {@code KIOSK_LOG_FORMAT} chose it. Both
 * appenders stay attached (logback warns, and then prints its own status, for
 * an appender that nothing references), and the unchosen one drops everything.
 */
public final class LogFormatFilter extends Filter<ILoggingEvent> {
    private String format = "text";
    private String wanted = "text";

    public void setFormat(String format) {
        this.format = format;
    }

    /** The configured choice, substituted from the environment by logback.xml. */
    public void setWanted(String wanted) {
        this.wanted = wanted;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return format.equals(wanted) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
