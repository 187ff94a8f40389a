// A path no page answers, or a page this role may not open.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export default {
  title: 'notfound.title',
  render(main) {
    main.append(h('section', { class: 'card' }, h('h1', { text: t('notfound.title') }),
      h('p', { text: t('notfound.text') }), h('a', { href: '#/', text: t('notfound.home') })));
  },
};
