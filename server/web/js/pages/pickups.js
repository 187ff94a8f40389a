// The warehouse's pick-up list: devices to fetch from patients' homes (a return started at the loan
// review, or after a death), with the municipality and why. A device fetched is scanned in return mode.
import { h } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { get } from '../api.js';

export default {
  title: 'pickups.title',
  async render(main) {
    const pickups = await get('/pickups');
    main.append(h('h1', { text: t('pickups.title') }), h('p', { class: 'hint', text: t('pickups.hint') }),
      h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'pickups-table' },
        h('thead', {}, h('tr', {}, [t('device.asset_tag'), t('loan.case'), t('loan.municipality'), t('pickups.why'), t('pickups.since')]
          .map((x) => h('th', { scope: 'col', text: x })))),
        h('tbody', {}, pickups.length ? pickups.map((p) => h('tr', {},
          h('td', {}, h('a', { href: `#/devices/${p.device_id}`, text: p.asset_tag || String(p.device_id) })),
          h('td', { text: p.case_number || '' }), h('td', { text: p.municipality || '' }),
          h('td', { text: p.note ? `${p.reason}: ${p.note}` : p.reason }), h('td', { text: formatDateTime(p.created_at) })))
          : h('tr', {}, h('td', { colspan: 5, text: t('list.empty') }))))));
  },
};
