// What every problem the server can answer (its stable type, and the field it names) says to people, Vietnamese
// first and English second, and where a screen shows it: under the field it is about, cleared once that field
// changes. The server's own title and detail are for scripts and logs; they never reach a screen.
// ProblemMessagesTest reads the server's sources for every type it can produce and fails on one missing here.
import { lang } from './i18n.js';

/** type → [Vietnamese, English]; "type@field" gives a field its own words. {s}: seconds to wait. */
export const PROBLEMS = {
  'already-checked-in': ['Bạn đã được ghi nhận vào trước đó.', 'You are already checked in.'],
  'bad-request': ['Máy chủ không đọc được yêu cầu này. Tải lại trang rồi thử lại.', 'The server could not read this request. Reload the page and try again.'],
  'consent-required': ['Cần khách đồng ý với thông báo xử lý dữ liệu cá nhân trước khi ghi nhận.', 'The visitor must agree to the personal data notice before being recorded.'],
  'correction-required': ['Hãy ghi điều cần sửa: họ tên, số điện thoại hoặc số CCCD.', 'Say what to correct: the name, phone number or ID number.'],
  'disk-full': ['Máy chủ đã hết dung lượng lưu trữ; chưa có gì được lưu. Báo cho quản trị viên rồi thử lại sau.', 'The server\'s disk is full; nothing was stored. Tell the administrator and try again later.'],
  'empty-image': ['Không nhận được hình từ camera. Thử lại.', 'No image came from the camera. Try again.'],
  'forbidden': ['Tài khoản của bạn không có quyền làm việc này.', 'Your account is not allowed to do this.'],
  'hold-released': ['Lệnh lưu giữ này đã được gỡ trước đó.', 'This hold was released already.'],
  'hold-scope': ['Lệnh lưu giữ cần một người (số điện thoại, số CCCD) hoặc một khoảng thời gian tại điểm kiểm soát (từ … đến …).', 'A hold names a person (phone or ID number) or a period at the site (from … to …).'],
  'id-number-not-self-declared': ['Số CCCD do bảo vệ ghi nhận hoặc đọc từ thẻ, không tự khai trên điện thoại.', 'An ID number is recorded by a guard or read from the card, not typed on a phone.'],
  'id-reused': ['Lượt khai báo này trùng mã với một lượt khác. Thử lại.', 'This check-in reused the id of another one. Try again.'],
  'image-too-large': ['Ảnh quá lớn: tối đa 4096 điểm ảnh mỗi cạnh và 16 megapixel. Hãy gửi ảnh nhỏ hơn.', 'The image is too large: at most 4096 pixels a side and 16 megapixels. Send a smaller one.'],
  'internal': ['Máy chủ gặp sự cố; chưa có gì thay đổi. Thử lại sau ít phút.', 'Something went wrong on the server; nothing was changed. Try again in a few minutes.'],
  'invalid-cccd': ['Không đọc được thẻ CCCD: hãy quét lại mã QR trên thẻ.', 'The ID card could not be read: scan the QR code on the card again.'],
  'invalid-confirmation': ['Mã xác nhận đã hết hạn hoặc không hợp lệ. Hãy khai báo lại trên điện thoại.', 'The confirmation code has expired or is not genuine. Check in again on the phone.'],
  'invalid-consent': ['Thông báo đã thay đổi: hãy đọc và đồng ý lại.', 'The notice has changed: read it and agree again.'],
  'invalid-cursor': ['Trang danh sách này đã cũ. Tải lại danh sách.', 'This page of the list is out of date. Load the list again.'],
  'invalid-date': ['Ngày không hợp lệ. Chọn một ngày trong lịch.', 'Not a valid date. Pick a day from the calendar.'],
  'invalid-encoding': ['Nội dung có ký tự không đọc được. Xoá ký tự lạ rồi thử lại.', 'The text holds characters that cannot be read. Remove them and try again.'],
  'invalid-field': ['Giá trị ở ô này không hợp lệ. Kiểm tra lại.', 'This value is not valid. Check it.'],
  'invalid-field@title': ['Nhập tiêu đề.', 'Enter a title.'],
  'invalid-field@name': ['Nhập tên.', 'Enter a name.'],
  'invalid-field@province': ['Chọn tỉnh, thành phố.', 'Pick a province.'],
  'invalid-field@district': ['Chọn quận, huyện, hoặc để trống cho cả tỉnh.', 'Pick a district, or leave it empty for the whole province.'],
  'invalid-field@mode': ['Màn hình công cộng không có chế độ vào/ra.', 'A public screen has no entry/exit mode.'],
  'invalid-id-number': ['Số CCCD gồm 12 chữ số (CMND cũ 9 chữ số) hoặc là số hộ chiếu.', 'An ID number is 12 digits (an old ID 9 digits) or a passport number.'],
  'invalid-image': ['Không đọc được ảnh: hãy gửi ảnh PNG hoặc JPEG.', 'The image could not be read: send a PNG or JPEG.'],
  'invalid-name': ['Họ và tên có ký tự không dùng được (ký tự điều khiển, ký tự ẩn, ký tự đảo chiều hoặc quá 3 dấu trên một chữ) hoặc dài quá 100 ký tự. Vui lòng gõ lại tên.', 'The name holds characters that cannot be used (control, invisible or direction characters, or more than 3 marks on one letter) or is longer than 100 characters. Please type it again.'],
  'invalid-notice': ['Ô này không được để trống và không chứa ký tự điều khiển.', 'This box must not be empty nor hold control characters.'],
  'invalid-pass': ['Thẻ ra vào không hợp lệ hoặc đã cũ. Khai báo lại bằng họ tên và số điện thoại.', 'The visitor pass is not valid or is old. Check in again with name and phone.'],
  'invalid-period': ['Thời điểm bắt đầu phải trước thời điểm kết thúc.', 'The start must be before the end.'],
  'name-looks-like-card': ['Ô họ tên chứa nội dung thẻ CCCD hoặc một dãy số. Hãy quét thẻ, hoặc chỉ gõ họ và tên; số điện thoại và số CCCD ghi ở ô riêng.', 'The name holds an ID card\'s text or a long number. Scan the card, or type only the name; phone and ID numbers go in their own boxes.'],
  'reset-own-password': ['Không thể tự đặt lại mật khẩu của chính mình tại đây. Nhờ một quản trị viên khác.', 'You cannot reset your own password here. Ask another administrator.'],
  'invalid-phone': ['Số điện thoại không đúng. Nhập số Việt Nam, ví dụ 0912 345 678.', 'Not a valid phone number. Enter a Vietnamese number, e.g. 0912 345 678.'],
  'invalid-range': ['Ngày bắt đầu phải trước ngày kết thúc.', 'The start must be before the end.'],
  'invalid-request': ['Giá trị ở ô này không hợp lệ. Kiểm tra lại.', 'This value is not valid. Check it.'],
  'invalid-request@bluezone.bluezoneId': ['Mã Bluezone gồm 4–12 chữ cái hoặc chữ số; hoặc để trống.', 'A Bluezone ID is 4–12 letters or digits; or leave it empty.'],
  'invalid-request@q': ['Nội dung tìm kiếm tối đa 100 ký tự.', 'A search has at most 100 characters.'],
  'invalid-schedule': ['Lịch chiếu không hợp lệ: chọn ít nhất một ngày, và giờ bắt đầu trước giờ kết thúc (hoặc để trống cả hai).', 'Not a valid schedule: pick at least one day, and a start before the end (or neither).'],
  'invalid-site-token': ['Mã QR đã hết hạn. Hãy quét lại mã trên kiosk hoặc áp phích.', 'The QR code has expired. Scan the code on the kiosk or poster again.'],
  'invalid-time': ['Thời gian không hợp lệ.', 'Not a valid time.'],
  'legal-hold': ['Không xoá được: dữ liệu đang được lưu giữ theo yêu cầu pháp lý.', 'Cannot delete: the data is under a legal hold.'],
  'malformed-json': ['Máy chủ không đọc được yêu cầu này. Tải lại trang rồi thử lại.', 'The server could not read this request. Reload the page and try again.'],
  'method-not-allowed': ['Thao tác này không được hỗ trợ. Tải lại trang.', 'This action is not supported. Reload the page.'],
  'metrics-token': ['Cần mã truy cập để đọc số liệu giám sát.', 'Reading the monitoring figures needs its token.'],
  'no-data': ['Không có dữ liệu nào về người này.', 'No data is held about this person.'],
  'no-phone': ['Khách không có số điện thoại để gửi tin nhắn.', 'The visitor gave no phone number to text.'],
  'no-sites': ['Không có điểm kiểm soát nào khớp với lựa chọn.', 'No site matches the choice.'],
  'not-found': ['Không tìm thấy, hoặc bạn không có quyền xem.', 'Not found, or not visible to you.'],
  'notice-changed': ['Có người vừa thêm một phiên bản khác. Tải lại rồi thử lại.', 'Someone added another version meanwhile. Reload and try again.'],
  'nul-character': ['Nội dung có ký tự không hợp lệ. Xoá ký tự lạ rồi thử lại.', 'The text holds a character that is not allowed. Remove it and try again.'],
  'number-in-use': ['Số này đã thuộc về một người khác; hồ sơ không được gộp.', 'That number belongs to another person; records are not merged.'],
  'pairing-code-other-kind': ['Mã này dùng cho loại thiết bị khác (màn hình công cộng mở /screen, kiosk mở /kiosk).', 'This code is for another kind of device (a public screen opens /screen, a kiosk /kiosk).'],
  'pairing-code-unknown': ['Mã ghép nối sai, đã hết hạn hoặc đã được dùng.', 'The pairing code is wrong, expired or already used.'],
  'name-required': ['Nhập họ và tên của bạn.', 'Enter your full name.'],
  'phone-required': ['Nhập số điện thoại của bạn.', 'Enter your phone number.'],
  'rate-limited': ['Quá nhiều yêu cầu. Vui lòng thử lại sau {s} giây.', 'Too many requests. Please try again in {s} seconds.'],
  'reason-required': ['Hãy ghi lý do từ chối.', 'Give the reason for refusing.'],
  'request-closed': ['Yêu cầu này đã kết thúc, không thay đổi được nữa.', 'This request is closed and cannot change any more.'],
  'request-open': ['Đã có một yêu cầu loại này đang chờ xử lý; sẽ được trả lời trước hạn.', 'A request of this kind is already open; it will be answered by its deadline.'],
  'request-unchanged': ['Yêu cầu đã ở trạng thái này.', 'The request is in that state already.'],
  'site-changed': ['Điểm kiểm soát vừa được người khác sửa. Tải lại rồi thử lại.', 'Someone changed the site meanwhile. Reload and try again.'],
  'site-required': ['Chọn điểm kiểm soát.', 'Pick a site.'],
  'sms-off': ['Máy chủ này không gửi tin nhắn SMS.', 'This server sends no SMS.'],
  'subject-required': ['Nhập đúng một trong: thẻ ra vào, số điện thoại hoặc số CCCD.', 'Give exactly one of: visitor pass, phone number or ID number.'],
  'time-out-of-range': ['Thời điểm phải trong vòng 72 giờ qua.', 'The time must lie within the last 72 hours.'],
  'too-large': ['Nội dung gửi lên quá lớn.', 'What was sent is too large.'],
  'trace-subject': ['Nhập đúng một trong: số điện thoại, số CCCD hoặc mã lượt.', 'Give exactly one of: phone number, ID number or visit id.'],
  'trace-subject-not-found': ['Không thấy người này tại các điểm bạn được xem trong khoảng thời gian đã chọn.', 'This person stayed at none of the sites you see in that window.'],
  'trace-too-broad': ['Truy vết quá rộng: thu hẹp khoảng thời gian, tăng thời gian tiếp xúc tối thiểu hoặc chỉ truy 1 lớp.', 'The trace is too broad: narrow the window, raise the least overlap or trace one hop.'],
  'unauthorized': ['Phiên đăng nhập đã hết. Đăng nhập lại.', 'Your sign-in has ended. Sign in again.'],
  'unavailable': ['Máy chủ tạm thời không phục vụ được; chưa có gì được lưu. Thử lại sau ít phút.', 'The server is briefly unavailable; nothing was stored. Try again in a few minutes.'],
  'unknown-site': ['Có điểm kiểm soát đã chọn không còn tồn tại. Tải lại rồi chọn lại.', 'A chosen site no longer exists. Reload and choose again.'],
  'unsignable-name': ['Tên đã lưu của khách không in được lên thẻ. Khai báo lại với họ tên nhập mới.', 'The stored name cannot go on a pass. Check the visitor in again with the name typed anew.'],
  'unsupported-charset': ['Máy chủ chỉ nhận văn bản UTF-8.', 'The server takes UTF-8 text only.'],
  'unsupported-media-type': ['Định dạng không được hỗ trợ: hãy gửi ảnh PNG hoặc JPEG.', 'Not a supported format: send a PNG or JPEG image.'],
  'unknown-area': ['Không có điểm kiểm soát nào ở khu vực này. Chọn trong danh sách.', 'No site lies in this area. Pick one from the list.'],
  'username-taken': ['Tên đăng nhập này đã có người dùng.', 'That username is already taken.'],
  'visit-closed': ['Lượt này đã kết thúc: khách đã ra về.', 'This visit is over: the visitor has already left.'],
  'visitor-required': ['Nhập họ tên, hoặc quét thẻ ra vào hay CCCD.', 'Enter a name, or scan a visitor pass or an ID card.'],
  'visitor-unknown': ['Thẻ ra vào này không còn khớp với hồ sơ nào. Khai báo lại bằng họ tên và số điện thoại.', 'This visitor pass matches no record any more. Check in again with name and phone.'],
};

/** The short name of a problem ("invalid-phone"), whichever client made the error. */
export function problemType(e) {
  const body = (e && (e.body || e.problem)) || {};
  return String((e && e.type) || body.type || '').replace(/^.*\/problems\//, '');
}

export function problemField(e) {
  const body = (e && (e.body || e.problem)) || {};
  return typeof body.field === 'string' ? body.field : null;
}

function pick(e) {
  const type = problemType(e);
  const field = problemField(e);
  if (field && PROBLEMS[type + '@' + field]) return PROBLEMS[type + '@' + field];
  if (PROBLEMS[type]) return PROBLEMS[type];
  // a type this page does not know yet (a newer server): say what the status means, never the server's English
  const status = e && e.status;
  if (status === 401) return PROBLEMS.unauthorized;
  if (status === 403) return PROBLEMS.forbidden;
  if (status === 404) return PROBLEMS['not-found'];
  if (status === 429) return PROBLEMS['rate-limited'];
  if (status >= 500) return PROBLEMS.unavailable;
  return PROBLEMS['invalid-field'];
}

/** The problem in one language (the page's by default). */
export function problemText(e, forLang) {
  const [vi, en] = pick(e);
  const s = (forLang || lang()) === 'en' ? en : vi;
  return s.replace('{s}', String((e && e.retryAfter) || 60));
}

/** The problem as an element's content: the page's language, and the English under it on a Vietnamese page. */
export function fillProblem(target, e) {
  while (target.firstChild) target.firstChild.remove();
  const main = document.createElement('span');
  main.className = 'problem-main';
  main.textContent = problemText(e);
  target.append(main);
  if (lang() !== 'en') {
    const en = document.createElement('span');
    en.className = 'problem-en';
    en.lang = 'en';
    en.textContent = problemText(e, 'en');
    target.append(' ', en);
  }
  target.dataset.problem = problemType(e);
  target.problem = e;
  return target;
}

// A problem on screen follows the language switch.
document.addEventListener('langchange', () => {
  document.querySelectorAll('[data-problem]').forEach((el) => { if (el.problem && !el.hidden) fillProblem(el, el.problem); });
});

/**
 * Shows the problem under the control it is about: `controls` maps a field ("visitor.phone") to its element;
 * otherwise a control named like the field (or its last part) inside `root`. The message goes into the control's
 * own "<id>-error" element when it has one, else into one made after it, and goes away once the control changes.
 * Returns the control, or null when the problem is about no control here (the caller shows it elsewhere).
 */
export function showProblemAt(root, e, controls = {}) {
  const field = problemField(e);
  if (!field) return null;
  const last = field.split('.').pop();
  let control = controls[field] || controls[last] || null;
  if (typeof control === 'function') control = control();
  if (!control && root) {
    control = root.querySelector(`[name="${CSS.escape(field)}"]`) || root.querySelector(`[name="${CSS.escape(last)}"]`);
  }
  if (!control) return null;
  let box = control.id ? document.getElementById(control.id + '-error') : null;
  if (!box) {
    box = document.createElement('p');
    box.className = 'form-error problem';
    if (control.id) box.id = control.id + '-error';
    control.insertAdjacentElement('afterend', box);
  }
  fillProblem(box, e);
  box.setAttribute('role', 'alert');
  box.hidden = false;
  control.setAttribute('aria-invalid', 'true');
  if (box.id) control.setAttribute('aria-describedby', box.id);
  const fixed = () => {
    clearProblem(control);
    control.removeEventListener('input', fixed);
    control.removeEventListener('change', fixed);
  };
  control.addEventListener('input', fixed);
  control.addEventListener('change', fixed);
  return control;
}

export function clearProblem(control) {
  const box = control.id ? document.getElementById(control.id + '-error') : null;
  if (box) {
    box.hidden = true;
    box.textContent = '';
    delete box.dataset.problem;
    box.problem = null;
  }
  control.setAttribute('aria-invalid', 'false');
}

/** Clears every problem shown in a form (before it is sent again). */
export function clearProblems(root) {
  root.querySelectorAll('[aria-invalid="true"]').forEach(clearProblem);
}
