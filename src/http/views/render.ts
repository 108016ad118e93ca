// Every page and fragment becomes HTML here, through preact-render-to-string, which escapes
// all text and attribute values: people's own words can never become markup, links or script.
// Nothing in the views builds HTML from strings.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole page, with its doctype. */
export const renderPage = (page: VNode): string => `<!doctype html>\n${renderToString(page)}`;

/** A piece of a page (the tab loads these into itself). */
export const renderFragment = (node: VNode): string => renderToString(node);
