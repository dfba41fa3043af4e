// Filter chips: kind, amenities, open now. The caller persists and applies them.

import { FILTER_AMENITIES, KINDS } from '../api';
import { translate, type Lang, type MessageKey } from '../i18n';
import type { Filters } from '../preferences';
import { clear, h } from './dom';
import { KIND_COLOURS } from './kinds';

export function renderFilters(target: HTMLElement, filters: Filters, lang: Lang, onChange: (f: Filters) => void): void {
  clear(target);
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const chip = (label: string, pressed: boolean, testId: string, change: () => Filters, colour?: string) => {
    const b = h('button', { type: 'button', class: 'filter-chip', 'aria-pressed': String(pressed), 'data-filter': testId },
      colour ? h('span', { class: 'kind-dot', style: `background:${colour}` }) : null, label);
    b.addEventListener('click', () => onChange(change()));
    return b;
  };
  const openNow = h('input', { type: 'checkbox', id: 'open-now', checked: filters.openNow });
  openNow.addEventListener('change', () => onChange({ ...filters, openNow: openNow.checked }));
  const reset = h('button', { type: 'button', class: 'link', id: 'filters-clear' }, translate(lang, 'clearFilters'));
  reset.addEventListener('click', () => onChange({ kinds: [], amenities: [], openNow: false }));

  target.append(
    h('label', { class: 'switch' }, openNow, h('span', {}, translate(lang, 'openNowOnly'))),
    h('h3', {}, translate(lang, 'kinds')),
    h('div', { class: 'chip-row' }, ...KINDS.map((k) =>
      chip(translate(lang, `kind_${k}` as MessageKey), filters.kinds.includes(k), `kind:${k}`,
        () => ({ ...filters, kinds: toggle(filters.kinds, k) }), KIND_COLOURS[k]))),
    h('h3', {}, translate(lang, 'amenities')),
    h('div', { class: 'chip-row' }, ...FILTER_AMENITIES.map((a) =>
      chip(translate(lang, `amenity_${a}` as MessageKey), filters.amenities.includes(a), `amenity:${a}`,
        () => ({ ...filters, amenities: toggle(filters.amenities, a) })))),
    reset,
  );
}
