// The guard console's strings for the code reader, the offline queue, the gate, the inside search and the
// undo of an exit, added to the shared table of i18n.js. NFC throughout.
import { STRINGS } from './i18n.js';

const vi = {
  'guard.reader.card': 'Đã đọc CCCD: {name}. Thông báo cho khách, đánh dấu “khách đồng ý” rồi bấm Ghi nhận.',
  'guard.reader.fromCard': 'Từ CCCD',
  'guard.reader.badCard': 'Không đọc được CCCD ({detail}). Quét lại thẻ.',
  'guard.sending': 'Đang gửi…',
  'guard.offline': 'Mất kết nối máy chủ',
  'guard.queued': 'Đã lưu trên máy: {name}. Sẽ gửi khi có kết nối.',
  'guard.queue': '{n} lượt chờ gửi',
  'guard.synced': 'Đã gửi {n} lượt lưu trên máy.',
  'guard.keptRefused': 'Máy chủ không nhận lượt đã lưu của {name}: {reason} Hãy ghi nhận lại.',
  'guard.gate': 'Cổng',
  'guard.gate.placeholder': 'Cổng của máy này',
  'guard.inside.search': 'Tìm người đang ở trong (tên, số điện thoại)',
  'guard.inside.more': 'Còn {n} người nữa: gõ tên để tìm.',
  'guard.inside.none': 'Không có ai khớp “{q}”.',
  'guard.exit.pending': 'Ra sau {s} giây',
  'guard.exit.undo': 'Hoàn tác',
  'guard.exit.undone': 'Đã hoàn tác: {name} vẫn ở trong.',
  'guard.exit.gone': 'Đã ra',
  'guard.login.tooMany': 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {s} giây.',
  'family.title': 'Người đi cùng (trẻ em, người già — chỉ cần tên)',
  'family.add': '+ Thêm người đi cùng',
  'family.name': 'Tên người đi cùng {n}',
  'family.remove': 'Bỏ người này',
  'family.with': '{name} và {n} người đi cùng',
};

const en = {
  'guard.reader.card': 'ID card read: {name}. Tell the visitor, tick “the visitor agrees”, then press Record.',
  'guard.reader.fromCard': 'From the ID card',
  'guard.reader.badCard': 'Cannot read the ID card ({detail}). Scan it again.',
  'guard.sending': 'Sending…',
  'guard.offline': 'Server unreachable',
  'guard.queued': 'Saved on this device: {name}. It will be sent when the server is back.',
  'guard.queue': '{n} waiting to send',
  'guard.synced': 'Sent {n} saved on this device.',
  'guard.keptRefused': 'The server did not take the saved check-in of {name}: {reason} Please record it again.',
  'guard.gate': 'Gate',
  'guard.gate.placeholder': 'This device’s gate',
  'guard.inside.search': 'Find someone inside (name, phone)',
  'guard.inside.more': '{n} more: type a name to find them.',
  'guard.inside.none': 'Nobody matches “{q}”.',
  'guard.exit.pending': 'Out in {s} s',
  'guard.exit.undo': 'Undo',
  'guard.exit.undone': 'Undone: {name} is still inside.',
  'guard.exit.gone': 'Gone',
  'guard.login.tooMany': 'Too many failed sign-ins. Please try again in {s} seconds.',
  'family.title': 'Coming with them (children, elderly: names only)',
  'family.add': '+ Add someone',
  'family.name': 'Name of companion {n}',
  'family.remove': 'Remove this person',
  'family.with': '{name} and {n} with them',
};

Object.assign(STRINGS.vi, vi);
Object.assign(STRINGS.en, en);
