package vn.kiosk.server.sms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.socket.SSLSocketConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnectionFactory;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.server.config.SmsSettings;

/**
 * One transceiver bind to the SMSC (jSMPP, blocking: used only from the sender's own thread, never from an event
 * loop). Reconnects with a doubling backoff; submits at most {@code maxPerSecond} submit_sm a second; hands delivery
 * receipts and replies to {@link Inbound}, on jSMPP's threads, answering deliver_sm only once they are stored.
 */
final class SmppLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmppLink.class);
    private static final long BIND_TIMEOUT_MS = 10_000;
    /** How long a submit_sm may wait for its answer before its outcome counts as unknown. */
    static final long RESPONSE_TIMEOUT_MS = 10_000;
    /** deliver_sm_resp "temporary application error": the SMSC delivers it again later. */
    private static final int RX_T_APPN = 0x00000064;

    /** What arrives from the SMSC. Throwing refuses the deliver_sm, so the SMSC tries again later. */
    interface Inbound {
        void receipt(String smscId, String stat, String err) throws Exception;

        void reply(String from, String text) throws Exception;
    }

    /** The SMSC said no (a negative submit_sm_resp), or the message could not be encoded: nothing was sent. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final SmsSettings settings;
    private final Inbound inbound;
    private final long gapNanos;
    private volatile SMPPSession session;
    private long nextAttemptMs;
    private long backoffMs = 1000;
    private long lastSubmitNanos = System.nanoTime() - Long.MAX_VALUE / 2;

    SmppLink(SmsSettings settings, Inbound inbound) {
        this.settings = settings;
        this.inbound = inbound;
        this.gapNanos = 1_000_000_000L / settings.maxPerSecond();
    }

    /** Bound at this moment (without trying to bind). */
    boolean isBound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    /** Bound now, or binds when its backoff allows; false while the SMSC cannot be reached. */
    boolean bound() {
        SMPPSession s = session;
        if (s != null && s.getSessionState().isBound()) {
            return true;
        }
        if (s != null) {
            log.warn("SMPP bind to {}:{} lost ({}); reconnecting", settings.host(), settings.port(), s.getSessionState());
            drop();
        }
        long now = System.currentTimeMillis();
        if (now < nextAttemptMs) {
            return false;
        }
        SMPPSession fresh = new SMPPSession(settings.tls() ? new SSLSocketConnectionFactory()
                : SocketConnectionFactory.getInstance());
        fresh.setEnquireLinkTimer(settings.enquireLinkSeconds() * 1000);
        fresh.setTransactionTimer(RESPONSE_TIMEOUT_MS);
        fresh.setMessageReceiverListener(new Receiver());
        try {
            fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                    settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), BIND_TIMEOUT_MS);
        } catch (IOException e) {
            fresh.close();
            // jitter, so that several servers restarted together do not knock on the SMSC in step
            nextAttemptMs = now + backoffMs + ThreadLocalRandom.current().nextLong(backoffMs / 4 + 1);
            log.warn("SMPP bind to {}:{} failed ({}); next attempt in {} s", settings.host(), settings.port(),
                    e.getMessage(), Math.max(1, backoffMs / 1000));
            backoffMs = Math.min(backoffMs * 2, settings.reconnectMaxSeconds() * 1000L);
            return false;
        }
        session = fresh;
        backoffMs = 1000;
        log.info("SMPP bound as transceiver to {}:{} (system_id {})", settings.host(), settings.port(), settings.systemId());
        return true;
    }

    /**
     * Submits every part to {@code e164} and returns the SMSC's message ids. {@link Refused}: nothing more was sent;
     * any other exception: whether the SMSC took the message is unknown, and the bind is dropped.
     */
    List<String> submit(String e164, List<byte[]> parts) throws Refused, IOException {
        SMPPSession s = session;
        if (s == null) {
            throw new IOException("not bound");
        }
        List<String> ids = new ArrayList<>();
        String dest = e164.startsWith("+") ? e164.substring(1) : e164;
        boolean digits = settings.sourceAddr().matches("\\d+");
        for (byte[] part : parts) {
            pace();
            try {
                ids.add(s.submitShortMessage("", digits ? TypeOfNumber.UNKNOWN : TypeOfNumber.ALPHANUMERIC,
                        digits ? NumberingPlanIndicator.ISDN : NumberingPlanIndicator.UNKNOWN, settings.sourceAddr(),
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, dest,
                        new ESMClass(parts.size() > 1 ? 0x40 : 0), (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, part).getMessageId());
            } catch (NegativeResponseException e) {
                throw new Refused("submit_sm refused with status 0x" + Integer.toHexString(e.getCommandStatus())
                        + (ids.isEmpty() ? "" : " after " + ids.size() + " parts"));
            } catch (PDUException e) {
                throw new Refused("submit_sm could not be encoded: " + e.getMessage());
            } catch (IOException | RuntimeException | org.jsmpp.InvalidResponseException
                     | org.jsmpp.extra.ResponseTimeoutException e) {
                drop();
                throw new IOException(e.getClass().getSimpleName() + " after " + ids.size() + " of " + parts.size()
                        + " parts", e);
            }
        }
        return ids;
    }

    private void pace() {
        long wait = lastSubmitNanos + gapNanos - System.nanoTime();
        if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        lastSubmitNanos = System.nanoTime();
    }

    private void drop() {
        SMPPSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }

    /** Unbinds politely when it can; the sender has stopped submitting by then. */
    @Override
    public void close() {
        SMPPSession s = session;
        session = null;
        if (s != null) {
            s.unbindAndClose();
        }
    }

    private final class Receiver implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm d) throws ProcessRequestException {
            try {
                if (d.isSmscDeliveryReceipt()) {
                    DeliveryReceipt r = d.getShortMessageAsDeliveryReceipt();
                    OptionalParameter id = d.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
                    String smscId = id instanceof OptionalParameter.COctetString c ? c.getValueAsString() : r.getId();
                    inbound.receipt(smscId, String.valueOf(r.getFinalStatus()), r.getError());
                } else {
                    inbound.reply(d.getSourceAddr(), SmsText.decode(d.getShortMessage(), d.getDataCoding(), d.isUdhi()));
                }
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("A delivery receipt the SMSC sent could not be read ({}); acknowledged and dropped", e.getMessage());
            } catch (Exception e) {
                log.warn("A deliver_sm could not be stored ({}); the SMSC will send it again", e.getClass().getSimpleName());
                throw new ProcessRequestException("not stored", RX_T_APPN);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alert) {
            // not asked for: nothing to do
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not used", 0x00000003);
        }
    }
}
