// Vietnamese first, English second. ?lang=en (or vi) switches and is remembered.
// Every string here is Unicode NFC. Elements carry data-i18n="key" (text),
// data-i18n-placeholder, data-i18n-aria-label or data-i18n-title; applyI18n()
// fills them with textContent / attributes, never with markup.

const STORE_KEY = 'kiosk.lang';

const vi = {
  'app.name': 'Kiosk khai báo ra/vào',
  'lang.switch': 'English',
  'lang.switch.label': 'Switch to English',
  'common.back': 'Quay lại',
  'common.close': 'Đóng',
  'common.cancel': 'Huỷ',
  'common.retry': 'Thử lại',
  'common.online': 'Trực tuyến',
  'common.offline': 'Mất mạng',
  'common.loading': 'Đang tải…',
  'common.networkError': 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  'common.minutes': '{n} phút',
  'common.hoursMinutes': '{h} giờ {m} phút',
  'common.name': 'Họ và tên',
  'common.phone': 'Số điện thoại',
  'common.idNumber': 'Số CCCD / CMND (không bắt buộc)',

  'index.title': 'Kiosk — khai báo ra/vào',
  'index.lead': 'Ghi nhận hoạt động ra vào trụ sở và xác nhận Bluezone bằng mã QR.',
  'index.kiosk': 'Màn hình kiosk',
  'index.kiosk.desc': 'Máy tính bảng đặt ở cổng: mã QR khai báo, đọc thẻ và CCCD.',
  'index.guard': 'Bảo vệ',
  'index.guard.desc': 'Người ghi nhận ra vào: danh sách trực tiếp, khai báo hộ, đánh dấu ra.',
  'index.admin': 'Quản lý',
  'index.admin.desc': 'Nhật ký, báo cáo, tỷ lệ cài Bluezone, truy vết, áp phích.',
  'index.visitor': 'Khách đến: hãy quét mã QR trên kiosk hoặc áp phích tại cổng bằng camera điện thoại.',

  'kiosk.title': 'Kiosk khai báo ra/vào',
  'kiosk.pair.title': 'Ghép nối kiosk',
  'kiosk.pair.lead': 'Nhập mã ghép nối do quản lý điểm kiểm soát cung cấp.',
  'kiosk.pair.code': 'Mã ghép nối',
  'kiosk.pair.submit': 'Ghép nối',
  'kiosk.pair.unknown': 'Mã ghép nối sai, đã hết hạn hoặc đã được dùng.',
  'kiosk.scan': 'Quét mã để khai báo ra/vào',
  'kiosk.scan.hint': 'Hoặc đưa thẻ ra vào, CCCD gắn chip hay mã xác nhận trước camera',
  'kiosk.nophone': 'Không có điện thoại thông minh? Mời gặp bảo vệ để được ghi nhận.',
  'kiosk.queue': '{n} lượt chờ gửi',
  'kiosk.camera.off': 'Không có camera',
  'kiosk.camera.on': 'Camera sẵn sàng',
  'kiosk.fullscreen': 'Toàn màn hình',
  'kiosk.in': 'Mời vào',
  'kiosk.out': 'Tạm biệt',
  'kiosk.recorded': 'Đã ghi nhận',
  'kiosk.confirmed': 'Đã xác nhận Bluezone',
  'kiosk.alreadyConfirmed': 'Mã này đã được xác nhận trước đó',
  'kiosk.noBluezone': 'Bạn chưa cài Bluezone',
  'kiosk.noBluezone.detail': 'Hãy cài Bluezone ngay: quét mã bên cạnh hoặc nhờ bảo vệ hỗ trợ.',
  'kiosk.refused': 'Không hợp lệ',
  'kiosk.savedOffline': 'Đang mất mạng: đã lưu, sẽ gửi khi có mạng',
  'kiosk.reason.pass': 'Thẻ ra vào không hợp lệ hoặc không phải của hệ thống này.',
  'kiosk.reason.cccd': 'Không đọc được CCCD: {detail}',
  'kiosk.reason.unknown': 'Mã này không phải thẻ ra vào, CCCD hay mã xác nhận.',
  'kiosk.reason.confirmOffline': 'Cần có mạng để xác nhận mã Bluezone. Vui lòng gặp bảo vệ.',
  'kiosk.reason.ownCode': 'Đây là mã của kiosk: hãy quét bằng camera điện thoại.',
  'kiosk.revoked': 'Kiosk đã bị thu hồi. Hãy ghép nối lại.',

  'checkin.title': 'Khai báo ra/vào',
  'checkin.welcome': 'Khai báo ra/vào',
  'checkin.about': 'Lần đầu nhập họ tên và số điện thoại; lần sau chỉ cần một chạm.',
  'checkin.name.ph': 'Ví dụ: Nguyễn Văn An',
  'checkin.phone.ph': 'Ví dụ: 0912 345 678',
  'checkin.next': 'Tiếp tục',
  'checkin.bz.title': 'Bluezone trên điện thoại của bạn',
  'checkin.bz.installed': 'Đã cài và đang chạy',
  'checkin.bz.notInstalled': 'Chưa cài',
  'checkin.bz.id': 'Mã Bluezone (dãy ngắn trên màn hình chính của ứng dụng)',
  'checkin.bz.id.ph': 'Ví dụ: A1B2C3',
  'checkin.bz.id.invalid': 'Nhập mã Bluezone: 4–12 chữ cái hoặc chữ số, xem trên màn hình chính của ứng dụng.',
  'checkin.bz.how': 'Cách cài Bluezone',
  'checkin.bz.step1': 'Android: mở CH Play. iPhone: mở App Store.',
  'checkin.bz.step2': 'Tìm “Bluezone”, chọn Cài đặt (Android) hoặc Nhận (iPhone).',
  'checkin.bz.step3': 'Mở ứng dụng, bật Bluetooth và luôn để ứng dụng chạy.',
  'checkin.bz.play': 'Tải trên CH Play',
  'checkin.bz.appstore': 'Tải trên App Store',
  'checkin.go': 'Khai báo ra/vào',
  'checkin.go.hint': 'Vào hay ra do hệ thống tự nhận biết.',
  'checkin.sending': 'Đang gửi…',
  'checkin.you': 'Bạn là',
  'checkin.edit': 'Sửa thông tin',
  'checkin.bz.summary.installed': 'Bluezone: đã cài (mã {id})',
  'checkin.bz.summary.installedNoId': 'Bluezone: đã cài',
  'checkin.bz.summary.not': 'Bluezone: chưa cài',
  'checkin.bz.change': 'Đổi',
  'checkin.done.in': 'Mời vào',
  'checkin.done.out': 'Tạm biệt',
  'checkin.done.at': '{site} — lúc {time}',
  'checkin.confirm.title': 'Mã xác nhận',
  'checkin.confirm.lead': 'Đưa mã này trước camera của kiosk hoặc cho bảo vệ xem.',
  'checkin.confirm.expires': 'Mã hết hạn lúc {time}',
  'checkin.pass.saved': 'Thẻ ra vào của bạn đã được lưu trên điện thoại này. Lần sau chỉ cần một chạm, hoặc đưa thẻ trước camera kiosk.',
  'checkin.pass.show': 'Xem thẻ ra vào của tôi',
  'checkin.pass.title': 'Thẻ ra vào',
  'checkin.pass.lead': 'Đưa thẻ này trước camera kiosk để vào hoặc ra.',
  'checkin.pass.forget': 'Xoá thông tin của tôi khỏi điện thoại này',
  'checkin.forgotten': 'Đã xoá thông tin trên điện thoại này.',
  'checkin.again': 'Xong',
  'checkin.at': 'Bạn đang khai báo tại:',
  'checkin.codeExpired': 'Mã QR này đã hết hạn. Hãy quét lại mã QR đang hiển thị trên kiosk hoặc áp phích ở cổng.',
  'checkin.ending': 'Sắp hết thời gian khai báo: hãy bấm “Khai báo ra/vào” ngay, hoặc quét lại mã QR trên kiosk.',
  'checkin.expired': 'Đã hết thời gian khai báo. Hãy quét lại mã QR trên kiosk hoặc áp phích — thông tin bạn đã nhập vẫn được giữ.',
  'checkin.badToken': 'Đường dẫn không hợp lệ. Hãy quét mã QR trên kiosk hoặc áp phích.',
  'checkin.tooMany': 'Bạn thao tác quá nhanh. Vui lòng thử lại sau {s} giây.',
  'checkin.privacy.title': 'Thông tin cá nhân',
  'checkin.privacy.body1': 'Chúng tôi ghi họ tên, số điện thoại, thời gian ra/vào và trạng thái Bluezone của bạn để thực hiện yêu cầu ghi nhận hoạt động ra vào trụ sở và truy vết khi có ca bệnh.',
  'checkin.privacy.body2': 'Số điện thoại được mã hoá; dữ liệu được xoá sau 28 ngày. Chỉ người quản lý điểm kiểm soát và cơ quan y tế có thẩm quyền được xem; mỗi lần xem, xuất hay truy vết đều được ghi lại.',
  'checkin.privacy.body3': 'Họ tên và thẻ ra vào được lưu trên điện thoại này để lần sau không phải nhập lại; bạn có thể xoá bất cứ lúc nào.',

  'guard.title': 'Bảo vệ — ghi nhận ra vào',
  'guard.login.title': 'Đăng nhập bảo vệ',
  'guard.login.user': 'Tên đăng nhập',
  'guard.login.password': 'Mật khẩu',
  'guard.login.submit': 'Đăng nhập',
  'guard.login.wrong': 'Sai tên đăng nhập hoặc mật khẩu.',
  'guard.logout': 'Đăng xuất',
  'guard.site': 'Điểm kiểm soát',
  'guard.noSites': 'Tài khoản này chưa được giao điểm kiểm soát nào.',
  'guard.manual.title': 'Khai báo hộ',
  'guard.manual.submit': 'Ghi nhận',
  'guard.direction': 'Chiều',
  'guard.direction.auto': 'Tự động',
  'guard.direction.in': 'Vào',
  'guard.direction.out': 'Ra',
  'guard.bluezone': 'Bluezone',
  'guard.bz.declared': 'Đã cài (tự khai)',
  'guard.bz.not_installed': 'Chưa cài',
  'guard.bz.no_smartphone': 'Không có điện thoại thông minh',
  'guard.bz.installed_on_site': 'Đã cài tại chỗ',
  'guard.bz.qr_confirmed': 'Đã xác nhận bằng QR',
  'guard.bz.unknown': 'Chưa rõ',
  'guard.scan': 'Quét CCCD / thẻ / mã xác nhận',
  'guard.scan.stop': 'Tắt camera',
  'guard.scan.none': 'Không mở được camera trên thiết bị này.',
  'guard.live.title': 'Ra vào trực tiếp',
  'guard.live.empty': 'Chưa có lượt nào.',
  'guard.live.connected': 'Trực tiếp',
  'guard.live.reconnecting': 'Đang kết nối lại…',
  'guard.inside.title': 'Đang ở trong: {n}',
  'guard.inside.titleCap': 'Đang ở trong: {n} / {cap}',
  'guard.inside.empty': 'Không có ai ở trong.',
  'guard.capacity.near': 'Sắp đủ sức chứa ({n}/{cap})',
  'guard.capacity.full': 'Đã đủ sức chứa ({n}/{cap}) — tạm dừng cho vào',
  'guard.exit': 'Đánh dấu ra',
  'guard.installed': 'Đã cài tại chỗ',
  'guard.print': 'In thẻ',
  'guard.print.title': 'Thẻ ra vào',
  'guard.print.lead': 'Đưa thẻ này trước camera kiosk khi vào và ra.',
  'guard.print.do': 'In',
  'guard.print.none': 'Không lấy được thẻ cho khách này.',
  'guard.done.in': 'Đã ghi nhận VÀO: {name}',
  'guard.done.out': 'Đã ghi nhận RA: {name}',
  'guard.done.confirm': 'Đã xác nhận Bluezone: {name}',
  'guard.done.exit': 'Đã đánh dấu ra: {name}',
  'guard.done.installed': 'Đã cài tại chỗ: {name}',
  'guard.ev.checkin': 'Vào',
  'guard.ev.checkout': 'Ra',
  'guard.ev.confirmation': 'Xác nhận',
  'guard.ev.inferred': 'tự động',
  'guard.method.self': 'tự khai',
  'guard.method.poster': 'áp phích',
  'guard.method.pass': 'thẻ',
  'guard.method.cccd': 'CCCD',
  'guard.method.manual': 'bảo vệ',
  'guard.method.qr': 'QR',
  'guard.method.guard': 'bảo vệ',
};

const en = {
  'app.name': 'Kiosk check-in',
  'lang.switch': 'Tiếng Việt',
  'lang.switch.label': 'Chuyển sang tiếng Việt',
  'common.back': 'Back',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.retry': 'Try again',
  'common.online': 'Online',
  'common.offline': 'Offline',
  'common.loading': 'Loading…',
  'common.networkError': 'Cannot reach the server. Check the network and try again.',
  'common.minutes': '{n} min',
  'common.hoursMinutes': '{h} h {m} min',
  'common.name': 'Full name',
  'common.phone': 'Phone number',
  'common.idNumber': 'Citizen ID number (optional)',

  'index.title': 'Kiosk — check-in and out',
  'index.lead': 'Records entries and exits at public entrances and confirms Bluezone by QR code.',
  'index.kiosk': 'Kiosk screen',
  'index.kiosk.desc': 'The tablet at the door: check-in QR code, reads passes and ID cards.',
  'index.guard': 'Guard',
  'index.guard.desc': 'Who records entries: live list, check people in by hand, mark exits.',
  'index.admin': 'Manager',
  'index.admin.desc': 'Log, reports, Bluezone install rate, contact tracing, posters.',
  'index.visitor': 'Visitors: scan the QR code on the kiosk or the poster at the door with your phone camera.',

  'kiosk.title': 'Check-in kiosk',
  'kiosk.pair.title': 'Pair this kiosk',
  'kiosk.pair.lead': 'Enter the pairing code from the site manager.',
  'kiosk.pair.code': 'Pairing code',
  'kiosk.pair.submit': 'Pair',
  'kiosk.pair.unknown': 'The pairing code is wrong, expired or already used.',
  'kiosk.scan': 'Scan to check in or out',
  'kiosk.scan.hint': 'Or hold your pass, chip ID card or confirmation code up to the camera',
  'kiosk.nophone': 'No smartphone? Please see the guard to be recorded.',
  'kiosk.queue': '{n} waiting to send',
  'kiosk.camera.off': 'No camera',
  'kiosk.camera.on': 'Camera ready',
  'kiosk.fullscreen': 'Full screen',
  'kiosk.in': 'Welcome',
  'kiosk.out': 'Goodbye',
  'kiosk.recorded': 'Recorded',
  'kiosk.confirmed': 'Bluezone confirmed',
  'kiosk.alreadyConfirmed': 'This code was confirmed before',
  'kiosk.noBluezone': 'Bluezone is not installed',
  'kiosk.noBluezone.detail': 'Please install Bluezone now: scan the code beside or ask the guard for help.',
  'kiosk.refused': 'Not accepted',
  'kiosk.savedOffline': 'Offline: saved, will be sent when the network returns',
  'kiosk.reason.pass': 'This pass is not valid or not from this system.',
  'kiosk.reason.cccd': 'Cannot read the ID card: {detail}',
  'kiosk.reason.unknown': 'This code is not a pass, an ID card or a confirmation code.',
  'kiosk.reason.confirmOffline': 'Confirming Bluezone needs the network. Please see the guard.',
  'kiosk.reason.ownCode': 'This is the kiosk\'s code: scan it with your phone camera.',
  'kiosk.revoked': 'This kiosk was revoked. Pair it again.',

  'checkin.title': 'Check in or out',
  'checkin.welcome': 'Check in or out',
  'checkin.about': 'The first time, enter your name and phone; after that it is one tap.',
  'checkin.name.ph': 'e.g. Nguyễn Văn An',
  'checkin.phone.ph': 'e.g. 0912 345 678',
  'checkin.next': 'Continue',
  'checkin.bz.title': 'Bluezone on your phone',
  'checkin.bz.installed': 'Installed and running',
  'checkin.bz.notInstalled': 'Not installed',
  'checkin.bz.id': 'Bluezone ID (the short code on the app\'s home screen)',
  'checkin.bz.id.ph': 'e.g. A1B2C3',
  'checkin.bz.id.invalid': 'Enter the Bluezone ID: 4–12 letters or digits, shown on the app\'s home screen.',
  'checkin.bz.how': 'How to install Bluezone',
  'checkin.bz.step1': 'Android: open CH Play. iPhone: open the App Store.',
  'checkin.bz.step2': 'Search for “Bluezone”, tap Install (Android) or Get (iPhone).',
  'checkin.bz.step3': 'Open the app, turn on Bluetooth and keep the app running.',
  'checkin.bz.play': 'Get it on CH Play',
  'checkin.bz.appstore': 'Get it on the App Store',
  'checkin.go': 'Check in / out',
  'checkin.go.hint': 'The system knows whether you are coming in or going out.',
  'checkin.sending': 'Sending…',
  'checkin.you': 'You are',
  'checkin.edit': 'Edit my details',
  'checkin.bz.summary.installed': 'Bluezone: installed (ID {id})',
  'checkin.bz.summary.installedNoId': 'Bluezone: installed',
  'checkin.bz.summary.not': 'Bluezone: not installed',
  'checkin.bz.change': 'Change',
  'checkin.done.in': 'Welcome',
  'checkin.done.out': 'Goodbye',
  'checkin.done.at': '{site} — at {time}',
  'checkin.confirm.title': 'Confirmation code',
  'checkin.confirm.lead': 'Hold this code up to the kiosk camera or show it to the guard.',
  'checkin.confirm.expires': 'The code expires at {time}',
  'checkin.pass.saved': 'Your visitor pass is saved on this phone. Next time it is one tap, or hold the pass up to the kiosk camera.',
  'checkin.pass.show': 'Show my visitor pass',
  'checkin.pass.title': 'Visitor pass',
  'checkin.pass.lead': 'Hold this pass up to the kiosk camera to come in or go out.',
  'checkin.pass.forget': 'Remove my details from this phone',
  'checkin.forgotten': 'Your details were removed from this phone.',
  'checkin.again': 'Done',
  'checkin.at': 'Checking in at:',
  'checkin.codeExpired': 'This QR code has expired. Scan the QR code shown on the kiosk or the poster at the entrance again.',
  'checkin.ending': 'Time to check in is running out: tap “Check in / out” now, or scan the kiosk code again.',
  'checkin.expired': 'Time to check in has run out. Scan the QR code on the kiosk or the poster again — what you typed is kept.',
  'checkin.badToken': 'This link is not valid. Scan the QR code on the kiosk or the poster.',
  'checkin.tooMany': 'Too many attempts. Please try again in {s} seconds.',
  'checkin.privacy.title': 'Your personal data',
  'checkin.privacy.body1': 'We record your name, phone number, the times you come and go and your Bluezone status, because entries and exits at this site must be recorded and contacts traced when there is a case.',
  'checkin.privacy.body2': 'Phone numbers are encrypted; the data is deleted after 28 days. Only the site\'s managers and the competent health authority may see it; every view, export and trace is logged.',
  'checkin.privacy.body3': 'Your name and visitor pass are kept on this phone so you need not type them again; you can remove them at any time.',

  'guard.title': 'Guard — entries and exits',
  'guard.login.title': 'Guard sign-in',
  'guard.login.user': 'Username',
  'guard.login.password': 'Password',
  'guard.login.submit': 'Sign in',
  'guard.login.wrong': 'Wrong username or password.',
  'guard.logout': 'Sign out',
  'guard.site': 'Site',
  'guard.noSites': 'This account has no sites yet.',
  'guard.manual.title': 'Check someone in',
  'guard.manual.submit': 'Record',
  'guard.direction': 'Direction',
  'guard.direction.auto': 'Automatic',
  'guard.direction.in': 'In',
  'guard.direction.out': 'Out',
  'guard.bluezone': 'Bluezone',
  'guard.bz.declared': 'Installed (declared)',
  'guard.bz.not_installed': 'Not installed',
  'guard.bz.no_smartphone': 'No smartphone',
  'guard.bz.installed_on_site': 'Installed on site',
  'guard.bz.qr_confirmed': 'Confirmed by QR',
  'guard.bz.unknown': 'Unknown',
  'guard.scan': 'Scan ID card / pass / confirmation',
  'guard.scan.stop': 'Camera off',
  'guard.scan.none': 'The camera cannot be opened on this device.',
  'guard.live.title': 'Live entries and exits',
  'guard.live.empty': 'Nothing yet.',
  'guard.live.connected': 'Live',
  'guard.live.reconnecting': 'Reconnecting…',
  'guard.inside.title': 'Inside now: {n}',
  'guard.inside.titleCap': 'Inside now: {n} / {cap}',
  'guard.inside.empty': 'Nobody is inside.',
  'guard.capacity.near': 'Nearly full ({n}/{cap})',
  'guard.capacity.full': 'Full ({n}/{cap}) — hold new arrivals',
  'guard.exit': 'Mark exit',
  'guard.installed': 'Installed on site',
  'guard.print': 'Print pass',
  'guard.print.title': 'Visitor pass',
  'guard.print.lead': 'Hold this card up to the kiosk camera when coming in and going out.',
  'guard.print.do': 'Print',
  'guard.print.none': 'Could not get a pass for this visitor.',
  'guard.done.in': 'Recorded IN: {name}',
  'guard.done.out': 'Recorded OUT: {name}',
  'guard.done.confirm': 'Bluezone confirmed: {name}',
  'guard.done.exit': 'Marked as gone: {name}',
  'guard.done.installed': 'Installed on site: {name}',
  'guard.ev.checkin': 'In',
  'guard.ev.checkout': 'Out',
  'guard.ev.confirmation': 'Confirmed',
  'guard.ev.inferred': 'automatic',
  'guard.method.self': 'self',
  'guard.method.poster': 'poster',
  'guard.method.pass': 'pass',
  'guard.method.cccd': 'ID card',
  'guard.method.manual': 'guard',
  'guard.method.qr': 'QR',
  'guard.method.guard': 'guard',
};

export const STRINGS = { vi, en };

function fromUrl() {
  try {
    const q = new URLSearchParams(location.search).get('lang');
    return q === 'en' || q === 'vi' ? q : null;
  } catch (e) {
    return null;
  }
}

function stored() {
  try {
    const v = localStorage.getItem(STORE_KEY);
    return v === 'en' || v === 'vi' ? v : null;
  } catch (e) {
    return null;
  }
}

let current = (() => {
  const asked = fromUrl();
  if (asked) {
    try { localStorage.setItem(STORE_KEY, asked); } catch (e) { /* private mode */ }
    return asked;
  }
  return stored() || 'vi';
})();

export function lang() {
  return current;
}

/** The string for key in the current language (or the one given), with {name} placeholders filled. */
export function t(key, vars, forLang) {
  const table = STRINGS[forLang || current];
  let s = table[key];
  if (s === undefined) s = vi[key];
  if (s === undefined) return key;
  if (vars) {
    s = s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined || vars[k] === null ? '' : String(vars[k])));
  }
  return s;
}

/** Fills every data-i18n* element under root from the current language. */
export function applyI18n(root = document) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-en]').forEach((el) => {
    // Bilingual screens (the kiosk) show the English line under the Vietnamese one.
    el.textContent = t(el.dataset.i18nEn, null, 'en');
  });
  for (const attr of ['placeholder', 'aria-label', 'title']) {
    const data = 'i18n' + attr.replace(/(^|-)(\w)/g, (m, d, c) => c.toUpperCase());
    root.querySelectorAll('[data-i18n-' + attr + ']').forEach((el) => {
      el.setAttribute(attr, t(el.dataset[data]));
    });
  }
  const title = document.querySelector('title[data-i18n]');
  if (title) document.title = t(title.dataset.i18n);
}

export function setLang(next) {
  current = next === 'en' ? 'en' : 'vi';
  try { localStorage.setItem(STORE_KEY, current); } catch (e) { /* private mode */ }
  const url = new URL(location.href);
  url.searchParams.set('lang', current);
  history.replaceState(history.state, '', url);
  applyI18n();
  document.dispatchEvent(new CustomEvent('langchange', { detail: current }));
}

/** Makes a button switch between Vietnamese and English. */
export function langSwitch(button) {
  if (!button) return;
  const label = () => {
    button.textContent = t('lang.switch');
    button.setAttribute('aria-label', t('lang.switch.label'));
    button.setAttribute('lang', current === 'vi' ? 'en' : 'vi');
  };
  label();
  button.addEventListener('click', () => {
    setLang(current === 'vi' ? 'en' : 'vi');
    label();
  });
  document.addEventListener('langchange', label);
}
