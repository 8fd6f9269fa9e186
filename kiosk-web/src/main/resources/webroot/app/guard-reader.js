// A code reader on the guard console (USB or Bluetooth, keyboard mode) types wherever the focus is, usually the
// name field: its bursts are taken as scans, not typing. A CCCD read that way, or its text pasted into the ID
// field, fills the form from the card and is sent as the card (the server stores only what the site needs of
// it), never as a typed name.
import './guard-i18n.js';
import { t } from './i18n.js';
import { $, show } from '../shared/dom.js';
import { classify } from './tokens.js';
import { codeReader } from './scanner.js';

const KINDS = new Set(['cccd', 'pass', 'confirmation']);

/** What the form holds from a card: {text, card} until the name or ID is typed over. */
let pendingCard = null;

export function cardInForm() {
  return pendingCard;
}

export function clearCard() {
  pendingCard = null;
  show($('#m-card'), false);
}

/** The text is a code the console reads (and not someone typing): a card, a pass, a confirmation. */
export function isCode(text) {
  const s = (text || '').trim();
  return KINDS.has(classify(s).kind) || s.includes('|');
}

/**
 * onCode(scan) handles a pass or confirmation as the camera's scans are; a CCCD fills the form and calls
 * submitCard() when the visitor's consent is already ticked. onError(text) shows a refusal.
 */
export function mountReader({ onCode, submitCard, onError }) {
  const take = (text) => {
    const scan = classify(text);
    if (scan.kind === 'cccd' || (scan.kind === 'unknown' && scan.text.includes('|'))) fillFromCard(scan, submitCard, onError);
    else onCode(text);
  };
  codeReader(take, { accept: isCode });
  $('#m-id').addEventListener('paste', (e) => {
    const text = e.clipboardData && e.clipboardData.getData('text');
    if (!text || !isCode(text)) return; // an ID number: pasted as usual
    e.preventDefault(); // the field's 20 characters would cut a card's text
    take(text);
  });
  for (const id of ['#m-name', '#m-id']) $(id).addEventListener('input', () => { if (pendingCard) clearCard(); });
  return take;
}

function fillFromCard(scan, submitCard, onError) {
  const card = scan.card;
  if (!card || card.error) {
    clearCard();
    onError(t('guard.reader.badCard', { detail: card ? card.error : 'format' }));
    return;
  }
  $('#m-name').value = card.name;
  $('#m-id').value = card.idNumber;
  $('#m-phone').value = '';
  pendingCard = { text: scan.text, card };
  show($('#m-card'), true);
  if ($('#m-consent').checked || $('#scan-consent').checked) {
    submitCard();
    return;
  }
  const err = $('#manual-error');
  err.textContent = t('guard.reader.card', { name: '\u2068' + card.name + '\u2069' });
  show(err, true);
  $('#m-consent').focus();
}
