// Who is looking, for the tab's calls: the Teams SSO token when the tab runs inside Teams, and
// nothing in a plain browser (local mode then uses its development identity).

const host = window as unknown as { microsoftTeams?: any; nativeInterface?: unknown };
// Inside Teams the tab is framed (desktop, web) or in the mobile app's web view.
const inHost = window.parent !== window || !!window.opener || !!host.nativeInterface;
let teamsReady: Promise<boolean> | undefined;

export const within = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);

// The Teams library is only loaded inside Teams: in a plain browser it has nothing to do.
const loadTeamsJs = () =>
  new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/me/teams-js.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('teams-js did not load'));
    document.head.append(script);
  });

export async function authHeaders(): Promise<Record<string, string>> {
  if (!inHost) return {};
  teamsReady ??= within(
    loadTeamsJs().then(() => host.microsoftTeams.app.initialize()),
    5000,
  ).then(
    () => true,
    () => false,
  );
  if (!(await teamsReady)) return {};
  // teams-js caches the token and renews it when it is close to expiry.
  const token = await within<string>(host.microsoftTeams.authentication.getAuthToken(), 20000);
  return { authorization: `Bearer ${token}` };
}
