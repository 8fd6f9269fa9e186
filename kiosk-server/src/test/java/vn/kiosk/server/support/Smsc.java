package vn.kiosk.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A real SMSC on loopback (jSMPP's server side) for tests: accepts binds with one system_id and password, keeps
 * every submit_sm it gets, answers each with a message id and then a delivery receipt, and can deliver a reply
 * from a phone. {@link #holdNext()} keeps the next submit_sm unanswered, as an SMSC whose answer never came back.
 */
public final class Smsc implements AutoCloseable {
    public static final String SYSTEM_ID = "kiosk";
    public static final String PASSWORD = "secret12";

    /** One submit_sm as it arrived. */
    public record Submit(String source, String dest, byte esmClass, byte dataCoding, byte registeredDelivery,
                         byte[] shortMessage, String messageId) {
    }

    /** A whole text as the phone shows it, from its parts in the order of their headers. */
    public record Message(String dest, String text, int parts, List<String> messageIds) {
    }

    private final int port;
    private final SMPPServerSessionListener listener;
    private final List<Submit> submits = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final ExecutorService receipts = Executors.newSingleThreadExecutor();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicInteger binds = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean sendReceipts = true;
    private volatile CountDownLatch hold;
    private final CountDownLatch held = new CountDownLatch(1);
    private volatile boolean open = true;

    private Smsc(int port) throws IOException {
        this.port = port;
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
            @Override
            public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
                if (sendReceipts) {
                    receipts.submit(() -> receipt(session, result.getMessageId()));
                }
            }
        });
        acceptor = new Thread(this::accept, "test-smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static Smsc start() throws IOException {
        return start(freePort());
    }

    public static Smsc start(int port) throws IOException {
        return new Smsc(port);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** The KIOSK_SMPP_* settings that point a server here. */
    public Map<String, String> env() {
        return env(port);
    }

    public static Map<String, String> env(int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KIOSK_SMPP_HOST", "127.0.0.1");
        env.put("KIOSK_SMPP_PORT", String.valueOf(port));
        env.put("KIOSK_SMPP_SYSTEM_ID", SYSTEM_ID);
        env.put("KIOSK_SMPP_PASSWORD", PASSWORD);
        env.put("KIOSK_SMPP_SOURCE_ADDR", "KIOSK");
        env.put("KIOSK_SMPP_RECONNECT_MAX_SECONDS", "1");
        env.put("KIOSK_SMPP_MAX_PER_SECOND", "200");
        return env;
    }

    public void receipts(boolean on) {
        sendReceipts = on;
    }

    /** The next submit_sm gets no answer until {@link #close()}; {@link #awaitHeld} waits for it to arrive. */
    public void holdNext() {
        hold = new CountDownLatch(1);
    }

    public boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    public List<Submit> submits() {
        return List.copyOf(submits);
    }

    public int binds() {
        return binds.get();
    }

    /** The texts received whole, joined from their parts by concatenation reference, in order of arrival. */
    public List<Message> messages() {
        Map<String, List<Submit>> groups = new LinkedHashMap<>();
        for (Submit s : submits) {
            boolean udhi = (s.esmClass() & 0x40) != 0;
            String key = udhi ? s.dest() + "/" + (s.shortMessage()[3] & 0xff) + "/" + (s.shortMessage()[4] & 0xff)
                    : s.dest() + "/single/" + s.messageId();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Message> out = new ArrayList<>();
        for (List<Submit> g : groups.values()) {
            g.sort((a, b) -> Integer.compare(seq(a), seq(b)));
            StringBuilder text = new StringBuilder();
            List<String> mids = new ArrayList<>();
            for (Submit s : g) {
                int from = (s.esmClass() & 0x40) != 0 ? 1 + (s.shortMessage()[0] & 0xff) : 0;
                text.append(new String(s.shortMessage(), from, s.shortMessage().length - from, StandardCharsets.UTF_16BE));
                mids.add(s.messageId());
            }
            Submit first = g.get(0);
            int total = (first.esmClass() & 0x40) != 0 ? first.shortMessage()[4] & 0xff : 1;
            if (g.size() == total) {
                out.add(new Message(first.dest(), text.toString(), g.size(), mids));
            }
        }
        return out;
    }

    public List<Message> messagesTo(String dest) {
        return messages().stream().filter(m -> m.dest().equals(dest)).toList();
    }

    private static int seq(Submit s) {
        return (s.esmClass() & 0x40) != 0 ? s.shortMessage()[5] & 0xff : 0;
    }

    /** A reply typed on the phone {@code from} (digits, international), sent in UCS-2 as phones send Vietnamese. */
    public void reply(String from, String text) throws Exception {
        SMPPServerSession s = sessions.stream().filter(x -> x.getSessionState().isBound()).findFirst()
                .orElseThrow(() -> new IllegalStateException("nobody is bound"));
        s.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from, TypeOfNumber.ALPHANUMERIC,
                NumberingPlanIndicator.UNKNOWN, "KIOSK", new ESMClass(), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                new GeneralDataCoding(Alphabet.ALPHA_UCS2), text.getBytes(StandardCharsets.UTF_16BE));
    }

    private void receipt(SMPPServerSession session, String messageId) {
        Submit s = submits.stream().filter(x -> x.messageId().equals(messageId)).findFirst().orElse(null);
        if (s == null) {
            return;
        }
        DeliveryReceipt r = new DeliveryReceipt(messageId, 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD,
                "000", "");
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, s.dest(),
                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, s.source(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, r.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            // the client went away: a real SMSC would keep it for later, this one drops it
        }
    }

    private void accept() {
        while (open) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5000);
                if (SYSTEM_ID.equals(bind.getSystemId()) && PASSWORD.equals(bind.getPassword())) {
                    bind.accept("test-smsc");
                    sessions.add(session);
                    binds.incrementAndGet();
                } else {
                    bind.reject(0x0000000E); // ESME_RINVPASWD
                }
            } catch (Exception e) {
                if (!open) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        CountDownLatch h = hold;
        if (h != null) {
            h.countDown();
        }
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        listener.close();
        receipts.shutdownNow();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source) throws ProcessRequestException {
            String id;
            try {
                id = new MessageId(Integer.toHexString(ids.incrementAndGet())).getValue();
            } catch (Exception e) {
                throw new ProcessRequestException("id", 8);
            }
            submits.add(new Submit(sm.getSourceAddr(), sm.getDestAddress(), sm.getEsmClass(), sm.getDataCoding(),
                    sm.getRegisteredDelivery(), sm.getShortMessage(), id));
            CountDownLatch h = hold;
            if (h != null) {
                hold = null;
                held.countDown();
                try {
                    h.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new ProcessRequestException("gone", 8);
            }
            try {
                return new SubmitSmResult(new MessageId(id), new org.jsmpp.bean.OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException("id", 8);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti sm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 3);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 3);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 3);
        }

        @Override
        public void onAcceptCancelSm(CancelSm c, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 3);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 3);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 3);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not here", 3);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not here", 3);
        }
    }
}
