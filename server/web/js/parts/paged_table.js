// A table that pages through the API's cursor (?limit=&cursor=): it holds one page at a time, so a
// list of 10,000 rows costs no more than a list of 50, and "previous" goes back by the cursors seen.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { ApiProblem } from '../api.js';
import { problemText } from './problem_text.js';

export function pagedTable({ caption, columns, fetchPage, pageSize = 50, id }) {
  const body = h('tbody');
  const status = h('span', { class: 'page-status', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'prev', text: t('list.previous'), onclick: () => show(index - 1) });
  const next = h('button', { type: 'button', class: 'next', text: t('list.next'), onclick: () => show(index + 1) });
  const table = h('table', { id },
    h('caption', { class: 'visually-hidden', text: caption }),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', text: c.title })))), body);
  const element = h('div', { class: 'paged' }, h('div', { class: 'table-wrap', tabindex: 0 }, table),
    h('div', { class: 'pager' }, prev, next, status));
  const cursors = [null];   // cursors[i] opens page i
  let index = 0;
  let token = 0;

  async function show(i) {
    const mine = ++token;
    status.textContent = t('list.loading');
    prev.disabled = true;
    next.disabled = true;
    let page;
    try {
      page = await fetchPage(cursors[i], pageSize);
    } catch (e) {
      if (mine === token) status.textContent = e instanceof ApiProblem ? problemText(e.body) : e.message;
      return;
    }
    if (mine !== token) return;
    index = i;
    if (page.next_cursor) cursors[i + 1] = page.next_cursor;
    clear(body);
    if (!page.items.length) body.append(h('tr', {}, h('td', { colspan: columns.length, text: t('list.empty') })));
    for (const item of page.items) body.append(h('tr', {}, columns.map((c) => h('td', {}, c.cell(item)))));
    prev.disabled = index === 0;
    next.disabled = !page.next_cursor;
    status.textContent = t('list.page', { n: index + 1, rows: page.items.length });
  }

  return { element, reload: () => { cursors.length = 1; return show(0); } };
}
