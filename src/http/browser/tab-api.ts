// The tab's calls to /api/me/*, and the kind notice shown in place of content when one fails.
import { authHeaders } from './teams-auth';

export class Refused extends Error {
  /** The server's own kind notice, as HTML, when it sent one to show in place of the content. */
  constructor(
    message: string,
    readonly html?: string,
    /** Which field the server found a problem with, when it said. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let headers: Record<string, string>;
  try {
    headers = await authHeaders();
  } catch {
    throw new Refused('Teams could not sign you in to Valued just now. Please close this tab and open it again.');
  }
  const res = await fetch(path, {
    ...init,
    headers: { ...(init.headers as Record<string, string> | undefined), ...headers, accept: 'text/html, application/json' },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!res.ok) {
    let message = 'Something went wrong loading your recognition. Please try again in a minute.';
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) throw new Refused(message, await res.text());
    let field: string | undefined;
    try {
      const body = (await res.json()) as { message?: string; field?: string };
      message = body.message ?? message;
      field = body.field;
    } catch {
      /* keep the general message */
    }
    throw new Refused(message, undefined, field);
  }
  return res;
}

/** Shows why something could not load; the server's own notice (our escaped HTML) when it sent one. */
export function notice(into: HTMLElement, error: unknown): void {
  if (error instanceof Refused && error.html) {
    into.innerHTML = error.html;
    return;
  }
  const section = document.createElement('section');
  section.className = 'notice';
  section.setAttribute('role', 'alert');
  const h = document.createElement('h2');
  h.textContent = 'Your recognition can’t be shown';
  const p = document.createElement('p');
  p.textContent = error instanceof Refused ? error.message : 'Valued could not be reached. Check your connection and try again.';
  section.append(h, p);
  into.replaceChildren(section);
}
