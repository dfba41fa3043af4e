// Where the keyboard was before the card opened, so closing the card puts it back there rather than at the top of the
// page (the WAI-ARIA dialog practice, for a card that replaces the list in place).

export class FocusReturn {
  private opener: { element: Element; stationId: string | undefined } | null = null;

  /** Notes the focused element. */
  remember(): void {
    const active = document.activeElement;
    this.opener = active && active !== document.body
      ? { element: active, stationId: active instanceof HTMLElement ? active.dataset.stationId : undefined }
      : null;
  }

  /** Focuses the opener again, or `fallback` when it is gone. */
  restore(fallback: HTMLElement): void {
    const opener = this.opener;
    this.opener = null;
    let target = opener?.element.isConnected ? opener.element : null;
    // The lists are rebuilt on every render: the same station's new row stands in for the row that opened the card.
    if (!target && opener?.stationId) {
      target = [...document.querySelectorAll<HTMLElement>(`button[data-station-id="${opener.stationId}"]`)]
        .find((b) => b.offsetParent !== null) ?? null;
    }
    (target instanceof HTMLElement || target instanceof SVGElement ? target : fallback).focus();
  }
}

/** The attributes that name the same control across a re-render, most specific first. */
const IDENTITIES = ['id', 'data-station-id', 'data-filter', 'name'] as const;

/**
 * Runs a render that rebuilds controls, and puts the focus back on the rebuilt twin of the control that had it (a
 * starred card, a pressed filter chip), instead of losing it to the page.
 */
export function keepingFocus(render: () => void): void {
  const active = document.activeElement;
  const name = active && active !== document.body ? IDENTITIES.find((a) => active.hasAttribute(a)) : undefined;
  const value = name ? active!.getAttribute(name) : null;
  render();
  // Only when the render lost it: a render that moved the focus on purpose (the tabs' arrow keys) keeps its choice.
  const lost = document.activeElement === null || document.activeElement === document.body;
  if (!name || value === null || active!.isConnected || !lost) return;
  const twin = [...document.querySelectorAll<HTMLElement>(`[${name}="${CSS.escape(value)}"]`)].find((e) => e.offsetParent !== null);
  twin?.focus();
}
