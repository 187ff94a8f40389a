// One audit-trail event as a sentence a person reads: "Returnert av warehouse ved lager-1,
// 3. nov. 2026, 14:02 (sak UNN-2026-000001)". Used by the device and the case pages.
import { t, formatDateTime } from '../i18n.js';

export function sentence(e) {
  const what = t(`event.${e.kind}`);
  const data = e.data && typeof e.data === 'object' ? e.data : {};
  const extra = [];
  if (data.case_number) extra.push(t('history.case', { case: data.case_number }));
  if (data.location) extra.push(t('history.location', { location: data.location }));
  const text = e.station
    ? t('history.by_at', { what: what.startsWith('[') ? e.kind : what, actor: e.actor, station: e.station, at: formatDateTime(e.at) })
    : t('history.by', { what: what.startsWith('[') ? e.kind : what, actor: e.actor, at: formatDateTime(e.at) });
  return extra.length ? `${text} (${extra.join(', ')})` : text;
}
