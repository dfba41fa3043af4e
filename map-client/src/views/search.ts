// The search box over the map: suggestions as the worker types (asked 250 ms after the last key, an older request
// aborted), following the WAI-ARIA combobox pattern with a listbox popup: arrows move through the suggestions, Enter
// opens one, Escape closes the list (and then empties the box). Choosing a station hands its id to the page, which
// opens its card through the card's route.

import { fetchSearch, SEARCH_MAX_LENGTH, type SearchItem } from '../api';
import type { LatLon } from '../coords';
import { formatDistance } from '../format';
import { translate, type Lang, type MessageKey } from '../i18n';
import { clear, h } from './dom';
import { KIND_COLOURS } from './kinds';

/** How long the box waits after a key before asking. */
export const SEARCH_DEBOUNCE_MS = 250;

/** Suggestions shown at once. */
export const SEARCH_SUGGESTIONS = 8;

export interface SearchContext {
  /** Where the worker is, when known: nearer stations rank higher and suggestions show how far. */
  origin(): LatLon | null;
  onChoose(id: number): void;
}

/**
 * The suggestion a key moves to: down from none goes to the first, up from none to the last, and both wrap; -1 when
 * there are none.
 */
export function nextSuggestion(current: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current < 0 ? 0 : (current + 1) % count;
  return current < 0 ? count - 1 : (current - 1 + count) % count;
}

type State = { kind: 'idle' } | { kind: 'shown'; items: SearchItem[] } | { kind: 'failed' };

export class SearchBox {
  private readonly input = h('input', {
    type: 'search', id: 'search-input', class: 'search-input', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    enterkeyhint: 'search', maxlength: String(SEARCH_MAX_LENGTH), 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': 'search-results',
  });
  private readonly clearButton = h('button', { type: 'button', id: 'search-clear', class: 'search-clear', hidden: true }, '×');
  private readonly list = h('ul', { id: 'search-results', class: 'search-results', role: 'listbox', hidden: true });
  private readonly note = h('p', { id: 'search-note', class: 'search-note', hidden: true });
  private readonly status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  private lang: Lang = 'zh-CN';
  private state: State = { kind: 'idle' };
  private active = -1;
  private expanded = false;
  private asked = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request: AbortController | null = null;

  constructor(target: HTMLElement, private readonly ctx: SearchContext) {
    const form = h('form', { class: 'search-form', role: 'search' },
      h('label', { for: 'search-input', class: 'visually-hidden', id: 'search-label' }),
      h('div', { class: 'search-field' }, this.input, this.clearButton),
      this.list, this.note, this.status);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.choose(Math.max(this.active, 0));
    });
    this.input.addEventListener('input', () => this.typed());
    this.input.addEventListener('keydown', (e) => this.key(e));
    this.input.addEventListener('focus', () => this.show());
    // A tap elsewhere closes the list; a tap on a suggestion chooses it first (mousedown keeps the focus in the box).
    this.input.addEventListener('blur', () => setTimeout(() => { if (!target.contains(document.activeElement)) this.hide(); }, 0));
    this.clearButton.addEventListener('click', () => {
      this.input.value = '';
      this.typed();
      this.input.focus();
    });
    target.replaceChildren(form);
  }

  /** Labels in the page's language; called on every render of the page. */
  render(lang: Lang): void {
    this.lang = lang;
    const t = (key: MessageKey) => translate(lang, key);
    document.getElementById('search-label')!.textContent = t('searchLabel');
    this.input.placeholder = t('searchPlaceholder');
    this.list.setAttribute('aria-label', t('searchSuggestions'));
    this.clearButton.setAttribute('aria-label', t('searchClear'));
    this.draw();
  }

  private typed(): void {
    clearTimeout(this.timer);
    this.clearButton.hidden = this.input.value === '';
    const text = this.input.value.trim();
    if (text === '') {
      this.request?.abort();
      this.asked = '';
      this.state = { kind: 'idle' };
      this.draw();
      return;
    }
    this.timer = setTimeout(() => void this.ask(text), SEARCH_DEBOUNCE_MS);
  }

  private async ask(text: string): Promise<void> {
    this.request?.abort();
    const controller = new AbortController();
    this.request = controller;
    try {
      const { data } = await fetchSearch(text, this.ctx.origin(), SEARCH_SUGGESTIONS, controller.signal);
      this.state = { kind: 'shown', items: data.items };
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.state = { kind: 'failed' };
    }
    if (this.request !== controller) return;
    this.asked = text;
    this.active = -1;
    this.expanded = document.activeElement === this.input;
    this.draw();
  }

  private key(e: KeyboardEvent): void {
    const items = this.state.kind === 'shown' ? this.state.items : [];
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.active = nextSuggestion(this.active, items.length, e.key);
      this.show();
      this.draw();
    } else if (e.key === 'Escape') {
      // The card's Escape waits until the box has nothing left to close.
      if (this.expanded && !this.list.hidden) {
        e.preventDefault();
        this.hide();
      } else if (this.input.value !== '') {
        e.preventDefault();
        this.input.value = '';
        this.typed();
      }
    }
  }

  private choose(index: number): void {
    if (this.state.kind !== 'shown') return;
    const item = this.state.items[index];
    if (!item) return;
    this.input.value = item.name;
    this.clearButton.hidden = false;
    this.hide();
    this.ctx.onChoose(item.id);
  }

  private show(): void {
    this.expanded = true;
    this.draw();
  }

  private hide(): void {
    this.expanded = false;
    this.active = -1;
    this.draw();
  }

  private draw(): void {
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(this.lang, key, params);
    const items = this.state.kind === 'shown' ? this.state.items : [];
    clear(this.list);
    items.forEach((item, i) => {
      const place = [item.address ?? item.district, item.distanceM !== null ? formatDistance(item.distanceM, this.lang) : null]
        .filter((part): part is string => !!part).join(' · ');
      const option = h('li', {
        id: `search-option-${i}`, class: 'search-option', role: 'option', 'aria-selected': String(i === this.active), 'data-station-id': String(item.id),
      },
      h('span', { class: 'search-option-name' },
        h('span', { class: 'kind-dot', style: `background:${KIND_COLOURS[item.kind] ?? '#6b7280'}`, 'aria-hidden': 'true' }), item.name),
      h('span', { class: 'search-option-place' }, place, item.match === 'partial' ? ` · ${t('searchPartial')}` : ''));
      option.addEventListener('mousedown', (e) => e.preventDefault());
      option.addEventListener('click', () => this.choose(i));
      this.list.append(option);
    });
    const open = this.expanded && this.state.kind === 'shown' && items.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (open && this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', `search-option-${this.active}`);
      document.getElementById(`search-option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
    // What a sighted worker reads under the box is what a screen reader hears.
    const note = this.state.kind === 'failed' ? t('searchFailed')
      : this.state.kind === 'shown' && items.length === 0 ? t('searchNone') : '';
    this.note.textContent = note;
    this.note.hidden = note === '' || this.input.value.trim() === '';
    this.status.textContent = this.state.kind === 'shown' && items.length > 0 && this.asked ? t('searchCount', { n: items.length }) : note;
  }
}
