// Tabs over the station panel (nearby, favourites), following the WAI-ARIA tabs pattern: one tab in the Tab order,
// arrow keys move between tabs and select as they go.

import { clear, h } from './dom';

export interface Tab<Id extends string> {
  id: Id;
  label: string;
  /** The id of the element the tab shows. */
  panel: string;
}

export function renderTabs<Id extends string>(
  target: HTMLElement, tabs: readonly Tab<Id>[], selected: Id, label: string, onSelect: (id: Id) => void,
): void {
  const hadFocus = target.contains(document.activeElement);
  clear(target);
  target.setAttribute('role', 'tablist');
  target.setAttribute('aria-label', label);
  const buttons = tabs.map((tab) => {
    const on = tab.id === selected;
    const button = h('button', {
      type: 'button', role: 'tab', id: `tab-${tab.id}`, class: 'tab', 'aria-selected': String(on), 'aria-controls': tab.panel,
      tabindex: on ? '0' : '-1',
    }, tab.label);
    button.addEventListener('click', () => onSelect(tab.id));
    button.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      const at = tabs.findIndex((t) => t.id === selected);
      onSelect(tabs[(at + step + tabs.length) % tabs.length]!.id);
    });
    return button;
  });
  target.append(...buttons);
  for (const tab of tabs) {
    const panel = document.getElementById(tab.panel);
    if (!panel) continue;
    panel.hidden = tab.id !== selected;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `tab-${tab.id}`);
  }
  // A re-render (after an arrow key) keeps the keyboard on the selected tab.
  if (hadFocus) document.getElementById(`tab-${selected}`)?.focus();
}
