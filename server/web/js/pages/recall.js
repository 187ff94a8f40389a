// One field safety notice: what it says and covers, its progress (done n of m), and the affected list
// grouped by where each device is now: in stock (with the shelf), reserved for a case, on loan (with the
// municipality, and the address only where the API gives it), in service, returned, written off; then
// the lots. The action is recorded as done per device or lot; the notice closes with the last. CSV
// of the list for contacting the homes.
import { h, field, clear } from '../dom.js';
import { t, formatDate, formatDateTime } from '../i18n.js';
import { get, post } from '../api.js';
import * as session from '../session.js';
import { attemptInto } from '../parts/refusal_box.js';
import { stateText } from '../parts/labels.js';
import { progressText } from './recalls.js';

const groups = ['in_stock', 'reserved', 'on_loan', 'in_service', 'returned', 'written_off'];

export default {
  title: 'recall.title',
  async render(main, { id }) {
    const mayRecord = session.hasRole('warehouse', 'technician', 'manager', 'admin');
    const caseLinks = session.hasRole('caseworker', 'manager', 'admin');
    const out = h('div', { id: 'recall-out', 'aria-live': 'polite' });
    const content = h('div');
    main.append(h('h1', { id: 'recall-h' }), out, content);

    function doneCell(what, done, send) {
      if (done.done) return h('span', { class: 'pill pass', 'data-done': 'true', text: t('recall.done_by', { by: done.done_by || '', at: formatDateTime(done.done_at) }) });
      if (!mayRecord) return h('span', { class: 'pill warn', 'data-done': 'false', text: t('recall.pending') });
      const note = h('input', { autocomplete: 'off', 'aria-label': t('recall.note_of', { what }), placeholder: t('recall.note') });
      const form = h('form', { class: 'row', novalidate: true, 'data-done': 'false' }, note,
        h('button', { type: 'submit', class: 'record-done', 'aria-label': t('recall.record_done_of', { what }), text: t('recall.record_done') }));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const notice = await attemptInto(out, () => send(note.value.trim() || undefined));
        if (notice) {
          await load();
          out.append(h('p', { class: 'ok-text', id: 'recall-recorded', text: notice.status === 'closed' ? t('recall.now_closed') : t('recall.recorded', { what }) }));
        }
      });
      return form;
    }

    function placeOf(group, d) {
      if (group === 'in_stock') return [d.warehouse, d.location].filter(Boolean).join(' · ') || stateText(d.state);
      if (group === 'reserved') return t('recall.reserved_for', { case: d.reserved_case_number || '' });
      if (group === 'on_loan') {
        return [caseLinks && d.case_id ? h('a', { href: `#/cases/${d.case_id}`, text: d.case_number }) : d.case_number, ' · ', d.municipality || '',
          d.residence ? ` (${t(`residence.${d.residence}`)})` : '', d.address ? h('div', { class: 'address', text: d.address }) : null];
      }
      return stateText(d.state);
    }

    async function load() {
      const [notice, affected] = await Promise.all([get(`/recalls/${id}`), get(`/recalls/${id}/affected`)]);
      document.getElementById('recall-h').textContent = t('recall.heading', { reference: notice.reference });
      clear(content);
      const coverage = notice.coverage === 'serial_range' ? t('recall.range', { from: notice.serial_from, to: notice.serial_to })
        : notice.coverage === 'serial_list' ? (notice.serials || []).join(', ')
          : notice.coverage === 'lot_list' ? (notice.lots || []).join(', ') : t('recall.coverage_all_serials');
      content.append(h('section', { class: 'card', 'aria-labelledby': 'notice-h' }, h('h2', { id: 'notice-h', text: t('recall.notice') }),
        h('p', {}, h('span', { class: `pill ${notice.status === 'closed' ? 'pass' : 'warn'}`, id: 'recall-status', 'data-status': notice.status,
          text: t(`recall.status_${notice.status}`) }), ' ',
          h('progress', { id: 'recall-progress', max: Math.max(1, notice.progress.total), value: notice.progress.done, 'aria-label': progressText(notice) }), ' ',
          h('span', { id: 'recall-progress-text', text: progressText(notice) }),
          notice.closed_at ? ` · ${t('recall.closed_at', { at: formatDateTime(notice.closed_at) })}` : ''),
        h('dl', { class: 'facts' },
          h('dt', { text: t('recall.issued_on') }), h('dd', { text: formatDate(notice.issued_on) }),
          h('dt', { text: t('recall.action') }), h('dd', { text: t(`recall.action_${notice.action}`) }),
          h('dt', { text: 'GTIN' }), h('dd', { text: notice.gtin }),
          h('dt', { text: t('recall.coverage') }), h('dd', { text: `${t(`recall.coverage_${notice.coverage}`)}: ${coverage}` }),
          h('dt', { text: t('recall.registered') }), h('dd', { text: t('recall.registered_by', { by: notice.registered_by, at: formatDateTime(notice.registered_at) }) })),
        h('h3', { text: t('recall.user_text') }), h('p', { class: 'complaint', text: notice.user_text }),
        h('p', {}, h('a', { href: `/api/v1/recalls/${id}/affected?format=csv`, download: `recall-${id}-affected.csv`, id: 'recall-csv', text: t('recall.csv') }))));
      for (const group of groups) {
        const devices = affected.devices[group] || [];
        if (!devices.length) continue;
        content.append(h('section', { class: 'card', 'data-group': group, 'aria-labelledby': `g-${group}` },
          h('h2', { id: `g-${group}`, text: t('recall.group_n', { group: t(`recall.where_${group}`), n: devices.length }) }),
          h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: `affected-${group}` },
            h('caption', { class: 'visually-hidden', text: t(`recall.where_${group}`) }),
            h('thead', {}, h('tr', {}, [t('device.asset_tag'), t('device.serial'), t('device.model'), t('recall.where'), t('recall.done')].map((c) => h('th', { scope: 'col', text: c })))),
            h('tbody', {}, devices.map((d) => h('tr', { 'data-device': d.device_id, 'data-serial': d.serial, 'data-done': String(d.done) },
              h('td', {}, h('a', { href: `#/devices/${d.device_id}`, text: d.asset_tag })), h('td', { text: d.serial }), h('td', { text: d.model }),
              h('td', {}, placeOf(group, d), d.held === 'at receipt' ? h('div', { class: 'hint', text: t('recall.held_at_receipt') }) : null),
              h('td', {}, doneCell(d.asset_tag, d, (note) => post(`/recalls/${id}/devices/${d.device_id}/done`, { note }))))))))));
      }
      const lots = affected.lots || {};
      const stockLots = [...(lots.in_stock || []), ...(lots.none_in_stock || [])];
      if (stockLots.length) {
        content.append(h('section', { class: 'card', 'data-group': 'lots', 'aria-labelledby': 'g-lots' },
          h('h2', { id: 'g-lots', text: t('recall.group_n', { group: t('recall.lots'), n: stockLots.length }) }),
          h('ul', { id: 'affected-lots' }, stockLots.map((l) => h('li', { 'data-lot': l.lot, 'data-lot-id': l.lot_id, 'data-done': String(l.done) },
            h('strong', { text: l.lot }), ` · ${l.item} · ${l.warehouse} · ${t('recall.lot_quantity', { n: l.quantity })} `,
            l.held === 'at receipt' ? h('span', { class: 'hint', text: t('recall.held_at_receipt') }) : null, ' ',
            doneCell(l.lot, l, (note) => post(`/recalls/${id}/lots/done`, { lot_id: l.lot_id, note })))))));
      }
      if ((lots.issued || []).length) {
        content.append(h('section', { class: 'card', 'data-group': 'lots-issued', 'aria-labelledby': 'g-lots-issued' },
          h('h2', { id: 'g-lots-issued', text: t('recall.group_n', { group: t('recall.lots_issued'), n: lots.issued.length }) }),
          h('ul', { id: 'affected-lots-issued' }, lots.issued.map((i) => h('li', { 'data-lot': i.lot, 'data-case': i.case_id },
            h('strong', { text: i.lot }), ' · ', h('a', { href: `#/cases/${i.case_id}`, text: i.case_number }),
            ` · ${i.municipality || ''} · ${t('recall.lot_quantity', { n: i.quantity })}`, i.address ? ` · ${i.address}` : '')))));
      }
      if (!groups.some((g) => (affected.devices[g] || []).length) && !stockLots.length && !(lots.issued || []).length)
        content.append(h('p', { id: 'recall-nothing', text: t('recall.nothing_yet') }));
    }
    await load();
  },
};
