package vn.kiosk.server;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import vn.kiosk.server.campaign.CampaignEdits;
import vn.kiosk.server.campaign.CampaignHandlers;
import vn.kiosk.server.campaign.CampaignStore;
import vn.kiosk.server.checkin.CheckinHandler;
import vn.kiosk.server.checkin.SiteTokens;
import vn.kiosk.server.checkin.VisitActions;
import vn.kiosk.server.checkin.VisitStore;
import vn.kiosk.server.checkin.VisitWriter;
import vn.kiosk.server.log.LogHandlers;
import vn.kiosk.server.log.LogXlsx;
import vn.kiosk.server.log.VisitLogStore;
import vn.kiosk.server.report.InstallTargets;
import vn.kiosk.server.report.TargetStore;
import vn.kiosk.server.privacy.Consents;
import vn.kiosk.server.privacy.Privacy;
import vn.kiosk.server.report.ReportHandlers;
import vn.kiosk.server.report.ReportPdfHandler;
import vn.kiosk.server.report.ReportService;
import vn.kiosk.server.site.KioskEdits;
import vn.kiosk.server.site.KioskHandlers;
import vn.kiosk.server.site.KioskStore;
import vn.kiosk.server.signage.ScreenHandlers;
import vn.kiosk.server.site.SiteHandlers;
import vn.kiosk.server.sms.SmsHandlers;
import vn.kiosk.server.sms.SmsRecipients;
import vn.kiosk.server.trace.TraceHandlers;
import vn.kiosk.server.trace.TraceService;

/** The API as a table: operationId in {@code openapi.yaml} → handler. */
final class Routes {
    private Routes() {
    }

    static Map<String, Handler<RoutingContext>> table(Services s, Supplier<VisitWriter> writer) {
        var sites = new SiteHandlers(s.access(), s.clock());
        var kioskStore = new KioskStore(s.pool());
        var kiosks = new KioskHandlers(kioskStore, s.access(), s.relay());
        var tokens = new SiteTokens(kioskStore, s.access().repository(), s.keys(), s.limiter());
        var checkins = new CheckinHandler(s.clock(), s.access(), writer, s.relay(), s.keys(), s.limiter(),
                s.config().rateLimitStaff(), tokens, new Consents(s.pool(), s.notices()));
        var visits = new VisitActions(new VisitStore(s.pool()), s.access(), writer, s.relay(), s.keys());
        var visitLog = new VisitLogStore(s.pool(), s.readPool());
        var log = new LogHandlers(visitLog, s.access(), s.keys().personal(), s.relay().occupancy(), s.clock());
        var campaignStore = new CampaignStore(s.pool());
        var campaigns = new CampaignHandlers(s.vertx(), campaignStore, s.access(), s.clock());
        var logXlsx = new LogXlsx(visitLog, s.access(), s.keys().personal());
        var reportService = new ReportService(s.readPool(), s.access(), s.config().retentionDays());
        var targetStore = new TargetStore(s.pool());
        var targets = new InstallTargets(targetStore, s.access().repository(), s.clock());
        var reports = new ReportHandlers(reportService, s.clock());
        var reportPdf = new ReportPdfHandler(s.vertx(), reportService, targetStore, s.clock());
        var screens = new ScreenHandlers(kioskStore, s.access(), reportService, targetStore, s.clock(), s.config().publicUrl());
        var privacy = Privacy.create(s.vertx(), s.pool(), s.readPool(), s.access(), s.notices(), s.keys().personal(),
                s.keys().pass().getPublic(), s.limiter(), s.clock());
        var traces = new TraceHandlers(new TraceService(s.pool(), s.readPool(), s.access().repository(), s.keys().personal(), s.clock()),
                new vn.kiosk.server.trace.ContactAddresses(s.readPool(), s.keys().personal()));
        var sms = new SmsHandlers(s.sms(), new SmsRecipients(s.pool()), s.access(), s.keys().pass().getPublic(), s.limiter());
        return Map.ofEntries(
                Map.entry("login", s.users()::login),
                Map.entry("logout", s.users()::logout),
                Map.entry("me", s.users()::me),
                Map.entry("listUsers", s.users()::list),
                Map.entry("createUser", s.users()::create),
                Map.entry("updateUser", s.users()::update),
                Map.entry("resetUserPassword", s.users()::resetPassword),
                Map.entry("listAudit", s.users()::audit),
                Map.entry("listSites", sites::list),
                Map.entry("createSite", sites::create),
                Map.entry("getSite", sites::get),
                Map.entry("updateSite", sites::update),
                Map.entry("listKiosks", kiosks::list),
                Map.entry("createKiosk", kiosks::create),
                Map.entry("revokeKiosk", kiosks::revoke),
                Map.entry("pairKiosk", kiosks::pair),
                Map.entry("kioskSelf", kiosks::self),
                Map.entry("kioskHeartbeat", kiosks::heartbeat),
                Map.entry("kioskQr", s.qr()::kioskQr),
                Map.entry("checkIn", checkins::handle),
                Map.entry("openSiteToken", tokens::open),
                Map.entry("visitorPass", visits::pass),
                Map.entry("markExit", visits::markExit),
                Map.entry("markBluezone", visits::markBluezone),
                Map.entry("confirm", visits::confirm),
                Map.entry("confirmationStatus", visits::confirmationStatus),
                Map.entry("listVisits", log::list),
                Map.entry("getVisit", log::one),
                Map.entry("exportVisitsCsv", log::csv),
                Map.entry("occupancy", log::occupancy),
                Map.entry("siteEvents", s.sse()::stream),
                Map.entry("createEventTicket", s.sse()::ticket),
                Map.entry("siteQrSvg", s.qr()::siteSvg),
                Map.entry("siteQrPng", s.qr()::sitePng),
                Map.entry("posterPdf", s.qr()::poster),
                Map.entry("decodeQr", s.qr()::decode),
                Map.entry("renderQr", s.qr()::render),
                Map.entry("passKey", s.qr()::passKey),
                Map.entry("createCampaign", campaigns::create),
                Map.entry("listCampaigns", campaigns::list),
                Map.entry("uploadCampaignImage", campaigns::upload),
                Map.entry("campaignImage", campaigns::image),
                Map.entry("kioskCampaigns", campaigns::forKiosk),
                Map.entry("screenCampaigns", campaigns::forScreen),
                Map.entry("updateCampaign", new CampaignEdits(campaignStore, s.access(), s.clock())::update),
                Map.entry("screenSelf", screens::self),
                Map.entry("screenInstallRate", screens::installRate),
                Map.entry("listTargets", targets::list),
                Map.entry("setTarget", targets::set),
                Map.entry("deleteTarget", targets::delete),
                Map.entry("dailyReportPdf", reportPdf::pdf),
                Map.entry("trace", traces::trace),
                Map.entry("traceCallList", traces::callList),
                Map.entry("exportVisitsXlsx", logXlsx::export),
                Map.entry("dailyReport", reports::daily),
                Map.entry("dailyReportCsv", reports::dailyCsv),
                Map.entry("dailyReportXlsx", reports::dailyXlsx),
                Map.entry("reportDays", reports::days),
                Map.entry("updateKiosk", new KioskEdits(kioskStore, s.access())::update),
                Map.entry("smsSettings", sms::settings),
                Map.entry("ownSmsConsent", sms::own),
                Map.entry("setOwnSmsConsent", sms::setOwn),
                Map.entry("setVisitSmsConsent", sms::setForVisit),
                Map.entry("sitePrivacyNotice", privacy.notices()::forSite),
                Map.entry("listNotices", privacy.notices()::list),
                Map.entry("createNotice", privacy.notices()::create),
                Map.entry("myData", privacy.self()::view),
                Map.entry("fileMyRequest", privacy.self()::file),
                Map.entry("findPerson", privacy.desk()::find),
                Map.entry("filePrivacyRequest", privacy.desk()::file),
                Map.entry("listPrivacyRequests", privacy.desk()::list),
                Map.entry("updatePrivacyRequest", privacy.desk()::update),
                Map.entry("privacyRequestData", privacy.desk()::data),
                Map.entry("listHolds", privacy.holds()::list),
                Map.entry("createHold", privacy.holds()::create),
                Map.entry("releaseHold", privacy.holds()::release),
                Map.entry("breachReport", privacy.breach()::export));
    }
}
