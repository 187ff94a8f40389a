// Service orders: the open and in-progress work list (an order is opened from the device's page),
// recording work and parts, and closing (the server requires a passed inspection since it opened).
import { h, field, clear } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { get, post, ApiProblem } from '../api.js';
import { problemText, ruleText } from '../parts/problem_text.js';
import { deviceLink } from '../parts/labels.js';

export default {
  title: 'service.title',
  async render(main) {
    const message = h('div', { id: 'service-message', role: 'status', 'aria-live': 'polite' });
    const list = h('div', { id: 'service-list' });
    main.append(h('h1', { text: t('service.title') }), h('p', { class: 'hint', text: t('service.how_to_open') }), message, list);

    function say(text, bad) { clear(message).append(h('p', { class: bad ? 'error' : 'ok-text', text })); }
    async function attempt(work, done) {
      try { await work(); say(done); await load(); } catch (e) {
        if (!(e instanceof ApiProblem)) throw e;
        say(`${problemText(e.body)} ${ruleText(e.body)}`, true);
      }
    }

    async function load() {
      const orders = await get('/service-orders');
      clear(list);
      if (!orders.length) { list.append(h('p', { text: t('service.none') })); return; }
      for (const o of orders) {
        const work = h('textarea', { id: `work-${o.id}`, rows: 2 });
        const parts = h('input', { id: `parts-${o.id}` });
        list.append(h('article', { class: 'card', 'data-order': o.id, 'aria-labelledby': `so-${o.id}` },
          h('h2', { id: `so-${o.id}` }, t('service.order', { id: o.id }), ' · ', deviceLink(o.device), ' ',
            h('span', { class: 'pill warn', text: t(`service.status_${o.status}`) })),
          h('p', { text: t('service.opened', { at: formatDateTime(o.opened_at), by: o.opened_by, fault: o.fault }) }),
          o.work ? h('p', { text: t('service.work_so_far', { work: o.work }) }) : null,
          o.parts ? h('p', { text: t('service.parts_so_far', { parts: o.parts }) }) : null,
          field(t('service.work'), work), field(t('service.parts'), parts),
          h('div', { class: 'row' },
            h('button', { type: 'button', onclick: () => attempt(() => post(`/service-orders/${o.id}/work`,
              { work: work.value.trim() || undefined, parts: parts.value.trim() || undefined }), t('service.work_saved')),
            text: t('service.record_work') }),
            h('a', { href: `#/inspect/${o.device_id}`, text: t('service.inspect') }),
            h('button', { type: 'button', onclick: () => attempt(() => post(`/service-orders/${o.id}/close`), t('service.closed')),
              text: t('service.close') }))));
      }
    }

    await load();
  },
};
