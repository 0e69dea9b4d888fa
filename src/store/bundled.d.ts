/** The bundled scenarios' catalogue index, made at build time by scenarioBundle.ts (a Vite plugin). */
declare module 'virtual:bundled-scenarios' {
  /** Every bundled scenario's card and what it teaches, with the URL of its data; no scenario text. */
  export const bundledIndex: import('./scenarios').CatalogueEntry[];
}
