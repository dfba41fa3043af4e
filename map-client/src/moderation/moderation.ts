// The operators' moderation page: the queue of visitors' comments and "closed for good" reports, oldest first, each
// with its station and how many independent devices sent it; approve, reject, or block the sending device.

import '../styles.css';
import type { Answer } from '../answers';
import { bearer, Problem, requestData } from '../http';
import { isLang, translate, translateKnown, type Lang, type MessageKey } from '../i18n';
import { formatDate } from '../format';
import { h } from '../views/dom';

type Item = Answer<'ModerationItem'>;

const KEY_STORAGE = 'stationmap.operatorKey';
const LANG_STORAGE = 'stationmap.lang';

class ModerationPage {
  private lang: Lang = ((): Lang => {
    const kept = localStorage.getItem(LANG_STORAGE);
    const parsed = kept ? (JSON.parse(kept) as unknown) : null;
    return isLang(parsed) ? parsed : 'zh-CN';
  })();
  private key = sessionStorage.getItem(KEY_STORAGE) ?? '';
  private items: Item[] | null = null;
  private message: string | null = null;

  constructor(private readonly target: HTMLElement) {
    document.getElementById('lang')!.addEventListener('click', () => {
      this.lang = this.lang === 'zh-CN' ? 'en' : 'zh-CN';
      this.render();
    });
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.lang, key, params);
  }

  /** Reads the queue; a decision's message stays (`keep`), else the queue's own state is said. */
  async load(keep = false): Promise<void> {
    if (!this.key) {
      this.render();
      return;
    }
    try {
      this.items = await requestData<Item[]>('/api/moderation/queue', { headers: bearer(this.key) });
      if (!keep) this.message = this.items.length === 0 ? this.t('moderationEmpty') : null;
    } catch (error) {
      this.items = null;
      this.message = error instanceof Problem && (error.status === 401 || error.status === 403) ? this.t('moderationBadKey') : this.t('loadFailed');
    }
    this.render();
  }

  private async decide(item: Item, action: 'approve' | 'reject' | 'block-device'): Promise<void> {
    try {
      await requestData(`/api/moderation/${item.id}/${action}`, { json: {}, headers: bearer(this.key) });
      this.message = this.t(`moderationDone_${action.replace('-', '_')}` as MessageKey, { station: item.stationName });
    } catch {
      this.message = this.t('loadFailed');
    }
    await this.load(true);
  }

  render(): void {
    document.documentElement.lang = this.lang;
    document.title = this.t('moderationTitle');
    document.getElementById('title')!.textContent = this.t('moderationTitle');
    document.getElementById('lang')!.textContent = this.t('switchLanguage');
    const key = h('input', { id: 'moderation-key', type: 'password', autocomplete: 'off', value: this.key });
    const load = h('button', { type: 'button', id: 'moderation-load', class: 'primary' }, this.t('moderationLoad'));
    load.addEventListener('click', () => {
      this.key = key.value.trim();
      sessionStorage.setItem(KEY_STORAGE, this.key);
      void this.load();
    });
    this.target.replaceChildren(
      h('div', { class: 'moderation-key' }, h('label', { class: 'field' }, this.t('moderationKey'), ' ', key), load),
      h('p', { class: 'message', role: 'status', id: 'moderation-message' }, this.message ?? ''),
      h('ol', { class: 'moderation-queue', id: 'moderation-queue' }, ...(this.items ?? []).map((item) => this.renderItem(item))));
  }

  private renderItem(item: Item): HTMLElement {
    const button = (action: 'approve' | 'reject' | 'block-device', label: MessageKey, css: string) => {
      const b = h('button', { type: 'button', class: css, 'data-action': action }, this.t(label));
      b.addEventListener('click', () => void this.decide(item, action));
      return b;
    };
    const closure = item.type === 'closure';
    return h('li', { class: `moderation-item ${item.type}`, 'data-id': String(item.id), 'data-station-id': String(item.stationId) },
      h('p', { class: 'moderation-head' },
        h('span', { class: 'kind-badge' }, this.t(closure ? 'moderationClosure' : 'moderationComment')), ' ',
        h('a', { class: 'link', href: `/#/station/${item.stationId}`, target: '_blank', rel: 'noopener' }, item.stationName),
        item.district ? ` · ${item.district}` : ''),
      closure
        ? h('p', {}, this.t('moderationClosureCounts', { devices: item.devices, today: item.closedReportsToday }))
        : h('p', {}, translateKnown(this.lang, `checkinKind_${item.kind}`) ?? item.kind),
      ...[item.comment, ...item.comments].filter((c): c is string => !!c).map((c) => h('blockquote', { class: 'moderation-comment' }, c)),
      h('p', { class: 'cached' }, formatDate(new Date(item.firstAt), this.lang)),
      h('div', { class: 'moderation-actions' },
        button('approve', closure ? 'moderationApproveClosure' : 'moderationApprove', 'primary'),
        button('reject', 'moderationReject', 'secondary'),
        button('block-device', 'moderationBlock', 'secondary')));
  }
}

const page = new ModerationPage(document.getElementById('moderation')!);
page.render();
void page.load();
