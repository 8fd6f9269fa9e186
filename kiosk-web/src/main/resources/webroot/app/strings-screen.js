// The public screen's strings, Vietnamese first, English second (NFC). Registered into the one table of
// i18n.js so that t() and data-i18n find them; kept apart so the screen adds no lines to the shared file.
import { STRINGS } from './i18n.js';

Object.assign(STRINGS.vi, {
  'screen.title': 'Màn hình công cộng — Kiosk',
  'screen.pair.title': 'Ghép nối màn hình công cộng',
  'screen.pair.lead': 'Nhập mã ghép nối của màn hình do quản lý điểm cung cấp (Quản lý → Điểm → Kiosk → loại “Màn hình công cộng”).',
  'screen.pair.code': 'Mã ghép nối',
  'screen.pair.submit': 'Ghép nối',
  'screen.pair.unknown': 'Mã ghép nối sai, đã hết hạn hoặc đã được dùng.',
  'screen.pair.otherKind': 'Đây là mã của kiosk, không phải của màn hình công cộng: hãy nhập mã này trên máy tính bảng ở cổng (/kiosk).',
  'screen.revoked': 'Màn hình đã bị thu hồi. Hãy ghép nối lại.',
  'screen.scan': 'Quét mã để khai báo ra/vào',
  'screen.scan.hint': 'Mở camera điện thoại và hướng vào mã',
  'screen.rate.label': 'Tỷ lệ cài Bluezone hôm nay',
  'screen.rate.none': 'Hôm nay chưa có lượt khai báo',
  'screen.rate.of': '{installed}/{known} lượt vào đã cài',
  'screen.rate.target': 'Mục tiêu {rate} trước {date}',
  'screen.rate.reached': 'Đã đạt mục tiêu {rate}',
  'screen.rate.asOf': 'Cập nhật lúc {time}',
  'screen.rate.cached': 'Mất mạng: số liệu lúc {time} ngày {date}',
  'screen.rate.waiting': 'Đang lấy số liệu…',
});

Object.assign(STRINGS.en, {
  'screen.title': 'Public screen — Kiosk',
  'screen.pair.title': 'Pair this public screen',
  'screen.pair.lead': 'Enter the screen’s pairing code from the site manager (Dashboard → Sites → Kiosks → kind “Public screen”).',
  'screen.pair.code': 'Pairing code',
  'screen.pair.submit': 'Pair',
  'screen.pair.unknown': 'The pairing code is wrong, expired or already used.',
  'screen.pair.otherKind': 'This code pairs a kiosk, not a public screen: enter it on the tablet at the door (/kiosk).',
  'screen.revoked': 'This screen was revoked. Pair it again.',
  'screen.scan': 'Scan to check in or out',
  'screen.scan.hint': 'Point your phone camera at the code',
  'screen.rate.label': 'Bluezone install rate today',
  'screen.rate.none': 'No one has declared yet today',
  'screen.rate.of': '{installed} of {known} entries installed',
  'screen.rate.target': 'Target {rate} by {date}',
  'screen.rate.reached': 'Target of {rate} reached',
  'screen.rate.asOf': 'Updated at {time}',
  'screen.rate.cached': 'Offline: figure of {time} on {date}',
  'screen.rate.waiting': 'Fetching the figure…',
});
