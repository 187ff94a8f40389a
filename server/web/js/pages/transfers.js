// Transfers between units (a patient who moves is handed over with the loan): incoming and outgoing,
// each with its own unit's trail. The receiving unit's warehouse or caseworkers receive a pending one;
// only then does the device's unit change. A transfer is started from its case's page.
import { h, clear } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { get, post } from '../api.js';
import * as session from '../session.js';
import { attemptInto } from '../parts/refusal_box.js';
import { sentence } from '../parts/history_sentence.js';

export default {
  title: 'transfers.title',
  async render(main) {
    const me = session.user();
    const mayReceive = session.hasRole('warehouse', 'caseworker', 'manager', 'admin');
    const mayCancel = session.hasRole('caseworker', 'manager', 'admin');
    const out = h('div', { id: 'transfers-out', 'aria-live': 'polite' });
    const incoming = h('div', { id: 'transfers-in' });
    const outgoing = h('div', { id: 'transfers-out-list' });
    main.append(h('h1', { text: t('transfers.title') }), h('p', { class: 'hint', text: t('transfers.hint') }), out,
      h('section', { class: 'card', 'aria-labelledby': 'in-h' }, h('h2', { id: 'in-h', text: t('transfers.incoming') }), incoming),
      h('section', { class: 'card', 'aria-labelledby': 'out-h' }, h('h2', { id: 'out-h', text: t('transfers.outgoing') }), outgoing));

    // Case and device are the sending unit's until received, then the receiving unit's: link only to our own.
    const ours = (x, direction) => (direction === 'in') === (x.status === 'received');

    function table(items, id, direction) {
      if (!items.length) return h('p', { text: t('transfers.none') });
      const cols = [t('transfers.case'), t('device.asset_tag'), direction === 'in' ? t('transfers.from') : t('transfers.to'),
        t('transfers.reason'), t('transfers.status'), t('transfers.trail')];
      return h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id },
        h('caption', { class: 'visually-hidden', text: t(direction === 'in' ? 'transfers.incoming' : 'transfers.outgoing') }),
        h('thead', {}, h('tr', {}, cols.map((x) => h('th', { scope: 'col', text: x })))),
        h('tbody', {}, items.map((x) => h('tr', { 'data-transfer': x.id, 'data-status': x.status },
          h('td', {}, ours(x, direction) && session.hasRole('caseworker', 'manager', 'admin')
            ? h('a', { href: `#/cases/${x.case_id}`, text: x.case_number }) : x.case_number),
          h('td', {}, ours(x, direction) ? h('a', { href: `#/devices/${x.device_id}`, text: x.asset_tag }) : x.asset_tag),
          h('td', { text: direction === 'in' ? x.from_unit : x.to_unit }),
          h('td', { text: x.reason }),
          h('td', {}, h('span', { class: `pill ${{ pending: 'warn', received: 'pass', cancelled: 'fail' }[x.status] || ''}`, text: t(`transfers.status_${x.status}`) }),
            ' ', x.status === 'received' ? t('transfers.received_at', { at: formatDateTime(x.received_at), by: x.received_by })
              : t('transfers.requested_at', { at: formatDateTime(x.requested_at), by: x.requested_by }),
            direction === 'in' && x.status === 'pending' && mayReceive
              ? h('div', {}, h('button', { type: 'button', class: 'primary receive', 'aria-label': t('transfers.receive_of', { case: x.case_number }),
                text: t('transfers.receive'), onclick: () => receive(x) })) : null,
            x.status === 'pending' && mayCancel ? cancelForm(x) : null,
            x.status === 'cancelled' && x.cancel_reason ? h('div', { class: 'hint', text: t('transfers.cancelled_because', { reason: x.cancel_reason }) }) : null),
          h('td', {}, h('ul', { class: 'trail' }, (x.trail || []).map((e) => h('li', { text: sentence(e) })))))))));
    }

    // Either unit's caseworker (or manager) calls off a pending transfer, always with a reason.
    function cancelForm(x) {
      const reason = h('input', { autocomplete: 'off', class: 'cancel-reason', id: `cancel-reason-${x.id}`,
        'aria-label': t('transfers.cancel_reason_of', { case: x.case_number }), placeholder: t('transfers.cancel_reason') });
      const form = h('form', { class: 'row cancel', novalidate: true }, reason,
        h('button', { type: 'submit', class: 'cancel-transfer', 'aria-label': t('transfers.cancel_of', { case: x.case_number }), text: t('transfers.cancel') }));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const done = await attemptInto(out, () => post(`/transfers/${x.id}/cancel`, { reason: reason.value.trim() }));
        if (done) {
          await load();
          out.append(h('p', { class: 'ok-text', id: 'transfer-cancelled', text: t('transfers.cancelled_ok', { case: x.case_number }) }));
        }
      });
      return form;
    }

    async function receive(x) {
      const done = await attemptInto(out, () => post(`/transfers/${x.id}/receive`));
      if (done) {
        await load();
        out.append(h('p', { class: 'ok-text', id: 'transfer-received', text: t('transfers.received_ok', { case: done.case_number, tag: done.asset_tag }) }));
      }
    }

    async function load() {
      const all = await get('/transfers');
      clear(incoming).append(table(all.filter((x) => x.to_unit_id === me.unit_id), 'transfers-in-table', 'in'));
      clear(outgoing).append(table(all.filter((x) => x.from_unit_id === me.unit_id), 'transfers-out-table', 'out'));
    }
    await load();
  },
};
