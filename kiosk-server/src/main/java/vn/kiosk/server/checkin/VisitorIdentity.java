package vn.kiosk.server.checkin;

import java.security.PublicKey;
import vn.kiosk.qr.Cccd;
import vn.kiosk.qr.CccdCard;
import vn.kiosk.qr.CccdException;
import vn.kiosk.qr.PassClaims;
import vn.kiosk.qr.TokenException;
import vn.kiosk.qr.VisitorPass;
import vn.kiosk.server.checkin.CheckinCommand.Sealed;
import vn.kiosk.server.http.ApiException;
import vn.kiosk.server.visitor.IdNumbers;
import vn.kiosk.server.visitor.Names;
import vn.kiosk.server.visitor.PersonalData;
import vn.kiosk.server.visitor.Phones;

/**
 * Who the visitor is, from exactly one of: typed details, a visitor pass, a CCCD card. {@code card} is the
 * parsed card, held only for this request: what of it is stored is decided by the site (name and ID number
 * always; birth date and address only where the site is configured to need them).
 */
record VisitorIdentity(String method, Long visitorId, String name, Sealed phone, Sealed idNumber, CccdCard card) {

    static VisitorIdentity from(CheckinRequest request, PersonalData personal, PublicKey passKey) {
        int given = (request.visitor() != null ? 1 : 0) + (request.pass() != null ? 1 : 0)
                + (request.cccd() != null ? 1 : 0);
        if (given != 1) {
            throw ApiException.unprocessable("visitor-required",
                    "Give exactly one of visitor, pass or cccd").with("field", "visitor");
        }
        if (request.pass() != null) {
            try {
                PassClaims pass = VisitorPass.verify(request.pass(), passKey);
                return new VisitorIdentity("pass", pass.visitorId(), pass.displayName(), null, null, null);
            } catch (TokenException e) {
                throw ApiException.of(401, "invalid-pass", "Invalid visitor pass", "The visitor pass is not valid: "
                        + e.getMessage());
            }
        }
        if (request.cccd() != null) {
            try {
                CccdCard card = Cccd.parse(request.cccd());
                String id = card.idNumber();
                return new VisitorIdentity("cccd", null, card.fullName(), null,
                        new Sealed(personal.hash("id", id), personal.encrypt(id), IdNumbers.mask(id)), card);
            } catch (CccdException e) {
                throw ApiException.unprocessable("invalid-cccd", e.getMessage()).with("field", "cccd." + e.field());
            }
        }
        CheckinRequest.Typed v = request.visitor();
        String name;
        try {
            name = Names.normalize(v.name());
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("invalid-name", "visitor.name " + e.getMessage()
                    + "; a name has 1 to 100 printable characters").with("field", "visitor.name");
        }
        if (Names.looksLikeCardText(name)) {
            // never quote it: it may be a whole card
            throw ApiException.of(422, "name-looks-like-card", "The name looks like a card's text or an ID number",
                    "visitor.name holds '|' or 9 digits or more, as a CCCD's QR text or an ID or phone number does:"
                    + " send the card's text as cccd, and numbers in visitor.phone or visitor.idNumber")
                    .with("field", "visitor.name");
        }
        Sealed phone = null;
        if (v.phone() != null) {
            String e164 = Phones.normalize(v.phone()).orElseThrow(() ->
                    ApiException.unprocessable("invalid-phone", "visitor.phone is not a possible phone number")
                            .with("field", "visitor.phone"));
            phone = new Sealed(personal.hash("phone", e164), personal.encrypt(e164), Phones.mask(e164));
        }
        Sealed idNumber = null;
        if (v.idNumber() != null) {
            String id = IdNumbers.normalize(v.idNumber()).orElseThrow(() ->
                    ApiException.unprocessable("invalid-id-number",
                            "visitor.idNumber must be a 12-digit citizen ID, a 9-digit ID or a passport number")
                            .with("field", "visitor.idNumber"));
            idNumber = new Sealed(personal.hash("id", id), personal.encrypt(id), IdNumbers.mask(id));
        }
        return new VisitorIdentity("manual", null, name, phone, idNumber, null);
    }

    /** A key for rate limits that does not reveal the person. */
    String limitKey() {
        if (visitorId != null) {
            return "v" + visitorId;
        }
        Sealed s = phone != null ? phone : idNumber;
        return s == null ? null : java.util.HexFormat.of().formatHex(s.hash(), 0, 12);
    }
}
