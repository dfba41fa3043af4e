// The operators' page for pairs of records that may be one station: each pair from the matcher's review queue, the
// likeliest first, the two records side by side with the evidence; "same station" links them into one place, "different
// stations" keeps them apart. Either decision is kept and wins over the matcher on every later import.

import '../styles.css';
import type { Answer } from '../answers';
import { bearer, Problem, requestData } from '../http';
import { isLang, translate, translateKnown, type Lang, type MessageKey } from '../i18n';
import { h } from '../views/dom';

type Page = Answer<'PlaceReviewPage'>;
type Item = Answer<'PlaceReviewItem'>;
type Record_ = Answer<'PlaceReviewRecord'>;

const KEY_STORAGE = 'stationmap.operatorKey';
const LANG_STORAGE = 'stationmap.lang';

class PlacesPage {
  private lang: Lang = ((): Lang => {
    const kept = localStorage.getItem(LANG_STORAGE);
    const parsed = kept ? (JSON.parse(kept) as unknown) : null;
    return isLang(parsed) ? parsed : 'zh-CN';
  })();
  private key = sessionStorage.getItem(KEY_STORAGE) ?? '';
  private page: Page | null = null;
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
      this.page = await requestData<Page>('/api/places/review?limit=50', { headers: bearer(this.key) });
      if (!keep) this.message = this.page.items.length === 0 ? this.t('placesEmpty') : null;
    } catch (error) {
      this.page = null;
      this.message = error instanceof Problem && (error.status === 401 || error.status === 403) ? this.t('moderationBadKey') : this.t('loadFailed');
    }
    this.render();
  }

  private async decide(item: Item, decision: 'link' | 'unlink'): Promise<void> {
    try {
      await requestData(`/api/places/review/${item.id}/${decision}`, { json: {}, headers: bearer(this.key) });
      this.message = this.t(`placesDone_${decision}`, { a: item.a.name, b: item.b.name });
    } catch {
      this.message = this.t('loadFailed');
    }
    await this.load(true);
  }

  render(): void {
    document.documentElement.lang = this.lang;
    document.title = this.t('placesTitle');
    document.getElementById('title')!.textContent = this.t('placesTitle');
    document.getElementById('lang')!.textContent = this.t('switchLanguage');
    const key = h('input', { id: 'places-key', type: 'password', autocomplete: 'off', value: this.key });
    const load = h('button', { type: 'button', id: 'places-load', class: 'primary' }, this.t('moderationLoad'));
    load.addEventListener('click', () => {
      this.key = key.value.trim();
      sessionStorage.setItem(KEY_STORAGE, this.key);
      void this.load();
    });
    this.target.replaceChildren(
      h('div', { class: 'moderation-key' }, h('label', { class: 'field' }, this.t('moderationKey'), ' ', key), load),
      h('p', { class: 'message', role: 'status', id: 'places-message' }, this.message ?? ''),
      this.page && this.page.pending > 0 ? h('p', { id: 'places-pending' }, this.t('placesPending', { n: this.page.pending })) : '',
      h('ol', { class: 'moderation-queue', id: 'places-queue' }, ...(this.page?.items ?? []).map((item) => this.renderItem(item))));
  }

  private renderItem(item: Item): HTMLElement {
    const e = item.evidence;
    const button = (decision: 'link' | 'unlink', label: MessageKey, css: string) => {
      const b = h('button', { type: 'button', class: css, 'data-decision': decision }, this.t(label));
      b.addEventListener('click', () => void this.decide(item, decision));
      return b;
    };
    const agreement = (label: MessageKey, value: string) =>
      h('li', { class: value }, `${this.t(label)}: ${translateKnown(this.lang, `agreement_${value}`) ?? value}`);
    return h('li', { class: 'moderation-item places-item', 'data-id': String(item.id) },
      h('p', { class: 'moderation-head' }, h('strong', {}, this.t('placesQuestion')), ' ',
        h('span', { class: 'kind-badge' }, this.t('placesScore', { score: item.score.toFixed(1) }))),
      h('div', { class: 'places-pair' }, this.renderRecord(item.a), this.renderRecord(item.b)),
      h('ul', { class: 'places-evidence' },
        h('li', {}, this.t('placesDistance', { m: Math.round(e.distanceM) }) + (e.shifted ? this.t('placesShifted') : '')),
        h('li', {}, e.nameSimilarity === null || e.nameSimilarity === undefined
          ? this.t('placesNameIncomparable')
          : this.t('placesNameSimilarity', { n: Math.round(e.nameSimilarity * 100) }) + (e.nameShared ? ` · ${this.t('placesNameShared')}` : '')),
        agreement('placesBrand', e.brand),
        agreement('placesHost', e.host),
        agreement('placesAddress', e.address),
        agreement('placesPhone', e.phone),
        e.sameKind ? null : h('li', { class: 'different' }, this.t('placesKindDiffers'))),
      h('div', { class: 'moderation-actions' },
        button('link', 'placesLink', 'primary'),
        button('unlink', 'placesUnlink', 'secondary')));
  }

  private renderRecord(r: Record_): HTMLElement {
    return h('div', { class: 'places-record', 'data-station-id': String(r.id) },
      h('p', {}, h('span', { class: 'source' }, r.source), ` · ${r.externalId}`),
      h('p', {}, h('a', { class: 'link', href: `/#/station/${r.id}`, target: '_blank', rel: 'noopener' }, r.name)),
      r.address ? h('p', {}, r.address) : null,
      r.phone ? h('p', {}, r.phone) : null,
      h('p', { class: 'places-meta' }, `${translateKnown(this.lang, `kind_${r.kind}`) ?? r.kind} · ${r.lat.toFixed(5)}, ${r.lon.toFixed(5)}`));
  }
}

const page = new PlacesPage(document.getElementById('places')!);
page.render();
void page.load();
