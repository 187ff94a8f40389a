// Reads a consumable pack's GS1 code in the page, only to fill in the receive form: (01) GTIN, (10) lot,
// (17) expiry as YYMMDD (day 00 is the month's last day). The server parses and checks what is sent.
// Takes the raw form (an AIM prefix, GS between variable fields) and the printed form "(01)…(17)…(10)…".
const fixed = { '01': 14, '11': 6, '13': 6, '15': 6, '17': 6 };

function expiryOf(yymmdd) {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  const year = 2000 + yy;
  if (dd === 0) dd = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

export function parseGs1Pack(raw) {
  let text = raw.trim().replace(/^\][A-Za-z][0-9A-Za-z]/, '');
  if (text.startsWith('(')) text = text.replace(/\((\d{2,4})\)/g, '\u001d$1').replace(/^\u001d/, '');
  const found = {};
  let i = 0;
  while (i + 2 <= text.length) {
    if (text[i] === '\u001d') { i++; continue; }
    const ai = text.slice(i, i + 2);
    i += 2;
    let value;
    if (fixed[ai]) { value = text.slice(i, i + fixed[ai]); i += fixed[ai]; }
    else { const end = text.indexOf('\u001d', i); value = text.slice(i, end < 0 ? text.length : end); i = end < 0 ? text.length : end; }
    if (!/^\d{2}$/.test(ai)) break;
    found[ai] = value;
  }
  return { gtin: found['01'], lot: found['10'], serial: found['21'], expiry: found['17'] && /^\d{6}$/.test(found['17']) ? expiryOf(found['17']) : undefined };
}
