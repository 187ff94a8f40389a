// The two string catalogues (i18n/nb.json, the default, and i18n/en.json): t(key) looks a key up
// in the chosen language; a missing key shows itself as [key] so it is seen, and a test fails on it.
let lang = 'nb';
let catalogue = {};
export const languages = ['nb', 'en'];

export async function loadLanguage(wanted) {
  lang = languages.includes(wanted) ? wanted : 'nb';
  const res = await fetch(`/i18n/${lang}.json`);
  catalogue = await res.json();
  document.documentElement.lang = lang;
  try { localStorage.setItem('bhm.lang', lang); } catch { /* private mode */ }
}

export function savedLanguage() {
  try { return localStorage.getItem('bhm.lang') || 'nb'; } catch { return 'nb'; }
}

export function currentLanguage() { return lang; }

export function t(key, params = {}) {
  const text = catalogue[key];
  if (text === undefined) return `[${key}]`;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? '').toString());
}

// Dates and times the way a Norwegian reads them, in Norway's time zone.
export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo',
  }).format(d);
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Oslo',
  }).format(d);
}

export function formatNumber(n, digits = 0) {
  return new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: digits }).format(n);
}
