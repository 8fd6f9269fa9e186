// Which campaigns show now: within their dates and their schedule (days of the week, hours of the day) in the
// site's time zone. Pure functions, so a screen or kiosk decides offline, at its own (server-corrected) clock.

const WEEKDAYS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map();

function format(zone) {
  if (!formats.has(zone)) {
    formats.set(zone, new Intl.DateTimeFormat('en-US', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }));
  }
  return formats.get(zone);
}

/** The local day (YYYY-MM-DD), ISO weekday (1 = Monday) and minute of the day of an instant in a zone. */
export function localParts(ms, zone = 'Asia/Ho_Chi_Minh') {
  const parts = {};
  for (const p of format(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    dow: WEEKDAYS[parts.weekday],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const minutesOf = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether a campaign {startsOn, endsOn, schedule: {days, from, until}} shows at ms: every part left out (or
 * null) allows all; until is exclusive ("24:00" is the end of the day).
 */
export function showsAt(campaign, ms, zone) {
  const now = localParts(ms, zone);
  if (campaign.startsOn && now.date < campaign.startsOn) return false;
  if (campaign.endsOn && now.date > campaign.endsOn) return false;
  const s = campaign.schedule || {};
  if (Array.isArray(s.days) && s.days.length && !s.days.includes(now.dow)) return false;
  if (s.from && s.until && (now.minutes < minutesOf(s.from) || now.minutes >= minutesOf(s.until))) return false;
  return true;
}
