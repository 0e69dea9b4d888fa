/** The menu's pack section (import by file picker or drop, list, remove). Filled in with the pack library. */
export interface PackUi {
  render(): HTMLElement;
}

export function packsPanel(ui: PackUi): HTMLElement {
  return ui.render();
}
