// The dashboard strings for resetting a user's password, Vietnamese first (NFC).
// Registered into the one table of i18n.js; kept apart so that this feature adds no lines to the shared file.
import { STRINGS } from '../app/i18n.js';

Object.assign(STRINGS.vi, {
  'users.reset': 'Đặt lại mật khẩu',
  'users.resetTitle': 'Đặt lại mật khẩu: {username}',
  'users.resetLead': 'Máy chủ sẽ tạo một mật khẩu mới cho {username}. Người này bị đăng xuất khỏi mọi thiết bị ngay'
    + ' lập tức và mật khẩu cũ không dùng được nữa. Hãy trao mật khẩu mới tận tay hoặc đọc cho người đó nghe, không'
    + ' gửi qua tin nhắn.',
  'users.resetConfirm': 'Đặt lại',
  'users.resetNew': 'Mật khẩu mới',
  'users.resetDone': 'Mật khẩu mới chỉ hiện một lần. Hãy báo ngay cho {username} và nhắc họ giữ kín.',
  'users.resetSessions': 'Đã kết thúc {n} phiên đăng nhập.',
});

Object.assign(STRINGS.en, {
  'users.reset': 'Reset password',
  'users.resetTitle': 'Reset password: {username}',
  'users.resetLead': 'The server will make a new password for {username}. They are signed out of every device at once'
    + ' and the old password stops working. Give them the new one in person or read it out; do not send it by message.',
  'users.resetConfirm': 'Reset',
  'users.resetNew': 'New password',
  'users.resetDone': 'The new password is shown only once. Tell {username} now and ask them to keep it to themselves.',
  'users.resetSessions': '{n} sign-in session(s) ended.',
});
