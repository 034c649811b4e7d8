/**
 * The build inlines critical CSS and loads the full stylesheet as `media="print"` with an inline
 * `onload` handler that switches it to `all`. A Content-Security-Policy without
 * `script-src-attr 'unsafe-inline'` (helmet's default) blocks that handler and the page would keep
 * only the critical CSS, so the bundle (a script from 'self') switches such stylesheets itself.
 */
export function enableDeferredStylesheets(doc: Document): void {
  doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"][media="print"][onload]').forEach((link) => {
    link.media = 'all';
    link.removeAttribute('onload');
  });
}
