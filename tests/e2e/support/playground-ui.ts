// Helpers that drive Microsoft 365 Agents Playground (0.2.28) like a person would.
//
// Selectors, found by loading the Playground in Chromium and reading its accessibility tree and
// DOM. Its CSS class names are generated hashes that change between releases, so nothing here
// relies on them:
//   conversation list   role=tree "Personal and Group Chat" > role=treeitem "Personal Chat"
//                       (the one group chat is the tree's second treeitem, named after
//                       groupChat.name in the config)
//   team channels       role=tree "Teams Channel" > role=treeitem "<team name> - <channel name>"
//                       (General, plus the one extra channel the config allows)
//   chat compose box    [contenteditable=true][role=textbox] (Lexical editor); button "Send Message"
//   channel new post    role=group holding button "Post" > [contenteditable=true][role=textbox];
//                       every post below is another role=group with its own reply box
//   @mention picker     type "@Name", then role=listbox "Typeahead menu" > role=menuitem "… Name"
//                       (it filters a moment after the typing); a picked mention is a
//                       span.mention in the compose box
//   chat message        div:has(> [aria-label="Message header"]); bot messages also hold
//                       [aria-label="Message author"] with the bot's name
//   channel bot reply   div:has(> div > [role=img][aria-label="Valued"]) inside a post; a post by
//                       the bot is a role=group whose fui-CardHeader holds that avatar.
//                       Channels list the newest post first (chats append at the bottom).
//   adaptive card       .ac-adaptiveCard (the adaptivecards renderer's own class, stable);
//                       buttons are role=button named by the action title; inputs are labelled
//                       by their `label`; a compact ChoiceSet is a combobox whose choices are
//                       role=option (multi-select: role=menuitemcheckbox) in a popup; expanded
//                       ones are a radiogroup, or checkboxes named "<label> <choice>";
//                       Input.Toggle is a checkbox named by its title
//   people picker       an Input.ChoiceSet with a graph.microsoft.com/users data query is a
//                       combobox "People Picker" offering everyone in the config (the current
//                       user too) as role=option; picks show in list "Selected contacts"
//   card answer notes   a string answer to Action.Execute, and "Your response was sent to the
//                       app", show under the card as [aria-label="Display Invoked Message"]
//   custom activity     button "Mock an Activity" > menuitem "Custom activity" > dialog with a
//                       Monaco JSON editor (its hidden textarea takes keyboard input) and
//                       button "Send activity". When the JSON holds a mention entity the dialog
//                       turns into its "Mention in Word" form: tab "JSON" sends the JSON as is
//   log panel           button "Hide log panel" / "Toggle Log Panel"
// Notes:
//   - In the group chat and channels the Playground only sends the bot messages that @mention
//     it, as Teams does; sendMessage() adds that mention for you.
//   - Switching conversation re-renders its cards, so card locators and marks do not survive a
//     switch: find the card again after switching back.
//   - The Playground shows every card as sent to the whole conversation: it has no per-person
//     views (Universal Actions refresh), so a slip's sender also sees "Add my thanks".
//   - After a client-side "required" check fails, an input's accessible name also holds its
//     error message; the helpers below find inputs by how their name starts.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export type ConversationKind = 'personal' | 'group' | 'channel';

export const BOT_NAME = 'Valued';
const COMPOSER = '[contenteditable=true][role=textbox]';
const CARD = '.ac-adaptiveCard';
const CHAT_MESSAGE = 'div:has(> [aria-label="Message header"])';
const MARK_ATTR = 'data-e2e-mark';
const ID_ATTR = 'data-e2e-id';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** Where failure screenshots go (git-ignored). */
export const ARTEFACTS_DIR = path.join(repoRoot, 'tests', '.artifacts', 'e2e');
/** Where documentation screenshots go. */
export const DOCS_DIR = path.join(repoRoot, 'docs');

interface PageState {
  kind: ConversationKind;
  channel: string;
}
const pageState = new WeakMap<Page, PageState>();
const diagnostics = new WeakMap<Page, () => string>();

/** Extra text (e.g. the bot's last log lines) added to every wait failure on this page. */
export function setDiagnostics(page: Page, describe: () => string): void {
  diagnostics.set(page, describe);
}

/** A point in the conversation; cards that arrive after it count as new. */
export interface Mark {
  generation: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

// --- Conversations ----------------------------------------------------------------------------

function chatsTree(page: Page): Locator {
  return page.getByRole('tree', { name: 'Personal and Group Chat' });
}

function channelsTree(page: Page): Locator {
  return page.getByRole('tree', { name: 'Teams Channel' });
}

function newPostArea(page: Page): Locator {
  return page.getByRole('group').filter({ has: page.getByRole('button', { name: 'Post', exact: true }) });
}

/**
 * Opens the personal chat with the bot, the group chat, or a team channel (General unless
 * `channel` names the other one, e.g. 'Governance').
 */
export async function openConversation(page: Page, kind: ConversationKind, channel = 'General'): Promise<void> {
  if (kind === 'personal') {
    await chatsTree(page).getByRole('treeitem', { name: 'Personal Chat', exact: true }).click();
  } else if (kind === 'group') {
    await chatsTree(page).getByRole('treeitem').nth(1).click();
  } else {
    await channelsTree(page)
      .getByRole('treeitem', { name: new RegExp(` - ${escapeRegExp(channel)}$`) })
      .click();
  }
  if (kind === 'channel') {
    await newPostArea(page).locator(COMPOSER).waitFor();
  } else {
    await page.getByRole('button', { name: 'Send Message', exact: true }).waitFor();
    await newPostArea(page).waitFor({ state: 'detached' });
  }
  pageState.set(page, { kind, channel });
  // Opening a conversation sends installationUpdate and conversationUpdate; let the bot's
  // welcome arrive first so it is not mistaken for the answer to what the test types next.
  await settle(page);
}

function currentConversation(page: Page): PageState {
  const state = pageState.get(page);
  if (!state) throw new Error('Open a conversation first: await openConversation(page, "personal")');
  return state;
}

/**
 * Waits until the page has stopped changing for `quietMs` (or `timeoutMs` passes; then it
 * simply carries on). Used after actions that make the Playground talk to the bot.
 */
export async function settle(page: Page, quietMs = 600, timeoutMs = 10_000): Promise<void> {
  await page.evaluate(
    ({ quietMs, timeoutMs }) =>
      new Promise<void>((resolve) => {
        const started = Date.now();
        let timer: ReturnType<typeof setTimeout>;
        const done = () => {
          observer.disconnect();
          resolve();
        };
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, Date.now() - started > timeoutMs ? 0 : quietMs);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        timer = setTimeout(done, quietMs);
      }),
    { quietMs, timeoutMs },
  );
}

// --- Sending -------------------------------------------------------------------------------

/** Marks every card now on screen as seen, so later waits can ask for new ones only. */
export async function markCards(page: Page): Promise<Mark> {
  const generation = await page.evaluate(
    ({ CARD, MARK_ATTR }) => {
      const w = window as unknown as { __e2eGeneration?: number };
      w.__e2eGeneration = (w.__e2eGeneration ?? 0) + 1;
      document.querySelectorAll(CARD).forEach((card) => {
        if (!card.hasAttribute(MARK_ATTR)) card.setAttribute(MARK_ATTR, String(w.__e2eGeneration));
      });
      return w.__e2eGeneration;
    },
    { CARD, MARK_ATTR },
  );
  return { generation };
}

/** Picks a person (or the bot) from the @mention typeahead. The compose box must have focus. */
export async function typeMention(page: Page, name: string): Promise<void> {
  await page.keyboard.type(`@${name}`);
  const menu = page.getByRole('listbox', { name: 'Typeahead menu' });
  const wanted = new RegExp(`(^|\\s)${escapeRegExp(name)}$`);
  // The menu filters as it catches up with the typing, moving people about; on a busy machine a
  // click on a list still being filtered lands on someone else. Wait until only matches remain.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const names = (await menu.getByRole('menuitem').allInnerTexts()).map(normalise);
    if (names.length > 0 && names.every((n) => wanted.test(n))) break;
    if (Date.now() > deadline)
      throw await failure(
        page,
        `The @mention menu never offered just "${name}".`,
        new Error(`It offered: ${names.join(', ') || 'nobody'}`),
      );
    await page.waitForTimeout(100);
  }
  await menu.getByRole('menuitem', { name: wanted }).first().click();
  // (an emptied menu may stay in the page, sometimes twice)
  await menu.getByRole('menuitem').first().waitFor({ state: 'hidden' });
  const mentioned = await page.locator(`${COMPOSER} .mention`).last().innerText();
  if (normalise(mentioned) !== name)
    throw await failure(page, `Mentioned "${mentioned}" instead of "${name}".`, new Error('The @mention menu picked someone else.'));
}

/**
 * Types a message into the open conversation and sends it. `@{Sam Patel}` in the text becomes a
 * real @mention. In the group chat and channels the bot is @mentioned first (unless the text
 * already mentions it, or `mentionBot: false`), because otherwise it is never told.
 * In a channel this starts a new post.
 */
export async function sendMessage(page: Page, text: string, options: { mentionBot?: boolean } = {}): Promise<Mark> {
  const { kind } = currentConversation(page);
  const composer = kind === 'channel' ? newPostArea(page).locator(COMPOSER) : page.locator(COMPOSER).first();
  await composer.click();
  const mentionsBot = text.includes(`@{${BOT_NAME}}`);
  if ((options.mentionBot ?? kind !== 'personal') && !mentionsBot) {
    await typeMention(page, BOT_NAME);
    await page.keyboard.type(' ');
  }
  for (const part of text.split(/(@\{[^}]+\})/)) {
    const mention = /^@\{([^}]+)\}$/.exec(part);
    if (mention) await typeMention(page, mention[1]);
    else if (part) await page.keyboard.type(part);
  }
  const mark = await markCards(page);
  await page.keyboard.press('Enter');
  // The editor empties once the Playground has taken the message.
  const deadline = Date.now() + 10_000;
  while ((await composer.innerText()).trim()) {
    if (Date.now() > deadline)
      throw await failure(page, `The Playground did not send "${text}".`, new Error('The compose box still holds the text.'));
    await page.waitForTimeout(100);
  }
  return mark;
}

// --- Waiting for the bot ---------------------------------------------------------------------

async function failure(page: Page, what: string, error: unknown): Promise<Error> {
  fs.mkdirSync(ARTEFACTS_DIR, { recursive: true });
  const shot = path.join(ARTEFACTS_DIR, `failure-${Date.now()}.png`);
  await page.screenshot({ path: shot }).catch(() => undefined);
  const onScreen = await page
    .evaluate(
      ({ CARD, CHAT_MESSAGE }) =>
        Array.from(document.querySelectorAll(`${CARD}, ${CHAT_MESSAGE}`))
          .slice(-6)
          .map((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim().slice(0, 160)),
      { CARD, CHAT_MESSAGE },
    )
    .catch(() => [] as string[]);
  const extra = diagnostics.get(page)?.() ?? '';
  return new Error(
    `${what}\n${(error as Error).message.split('\n')[0]}\n` +
      `Last things on screen:\n  ${onScreen.join('\n  ') || '(nothing)'}\n` +
      `Screenshot: ${shot}` +
      (extra ? `\n${extra}` : ''),
  );
}

/**
 * Waits for an adaptive card containing `text` (whitespace-insensitive) in the open
 * conversation and returns it. With `since`, only cards that arrived after that mark count.
 * If several match, the newest wins (in a channel: the one in the newest post).
 */
export async function waitForCardText(page: Page, text: string, options: { since?: Mark; timeoutMs?: number } = {}): Promise<Locator> {
  const timeout = options.timeoutMs ?? 20_000;
  const since = options.since?.generation ?? 0;
  const newestFirst = currentConversation(page).kind === 'channel';
  try {
    const handle = await page.waitForFunction(
      ({ CARD, MARK_ATTR, ID_ATTR, wanted, since, newestFirst }) => {
        const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
        const cards = Array.from(document.querySelectorAll(CARD)).filter((card) => {
          const mark = Number(card.getAttribute(MARK_ATTR) ?? Infinity);
          return mark > since && norm((card as HTMLElement).innerText).includes(wanted);
        });
        const card = newestFirst ? cards[0] : cards[cards.length - 1];
        if (!card) return false;
        if (!card.hasAttribute(ID_ATTR)) card.setAttribute(ID_ATTR, Math.random().toString(36).slice(2));
        return card.getAttribute(ID_ATTR);
      },
      { CARD, MARK_ATTR, ID_ATTR, wanted: normalise(text), since, newestFirst },
      { timeout, polling: 100 },
    );
    const id = (await handle.jsonValue()) as string;
    return page.locator(`${CARD}[${ID_ATTR}="${id}"]`);
  } catch (error) {
    throw await failure(page, `No ${since ? 'new ' : ''}card containing "${text}" appeared within ${timeout / 1000} s.`, error);
  }
}

/** Waits for a plain-text message from the bot containing `text` in the open conversation. */
export async function waitForBotText(page: Page, text: string, options: { timeoutMs?: number } = {}): Promise<Locator> {
  const timeout = options.timeoutMs ?? 20_000;
  const { kind } = currentConversation(page);
  const bot = `[role="img"][aria-label="${BOT_NAME}"]`;
  const scope =
    kind === 'channel'
      ? page.locator(`div:has(> div > ${bot})`).or(page.locator(`[role=group]:has([id^="fui-CardHeader"] ${bot})`))
      : page.locator(CHAT_MESSAGE).filter({ has: page.locator('[aria-label="Message author"]') });
  const matches = scope.filter({ hasText: text });
  // The newest: last in a chat, first in a channel (newest post on top).
  const message = kind === 'channel' ? matches.first() : matches.last();
  try {
    await message.waitFor({ timeout });
    return message;
  } catch (error) {
    throw await failure(page, `No message from the bot containing "${text}" appeared within ${timeout / 1000} s.`, error);
  }
}

/** The card's first line of text, e.g. its title. */
export async function cardFirstText(card: Locator): Promise<string> {
  return (await card.innerText()).split('\n').map(normalise).find(Boolean) ?? '';
}

// --- Using cards -------------------------------------------------------------------------------

/**
 * Presses a card button by its title and returns a mark taken just before, so you can wait for
 * the card that answers it: `waitForCardText(page, 'Sent', { since: await clickCardButton(...) })`.
 * A card updated in place (Universal Actions) is found again with waitForCardText, no `since`.
 */
export async function clickCardButton(card: Locator, label: string): Promise<Mark> {
  const mark = await markCards(card.page());
  await card.getByRole('button', { name: label, exact: true }).click();
  return mark;
}

/** Types into a card's Input.Text (or Number/Date) found by its label. */
export async function fillCardInput(card: Locator, label: string, value: string): Promise<void> {
  const inputs = card.locator('input, textarea');
  const exact = card.getByLabel(label, { exact: true }).and(inputs);
  // After a failed required check the name is "<label> <error message>".
  const withError = card.getByLabel(new RegExp(`^${escapeRegExp(label)} `)).and(inputs);
  const field = (await exact.count()) ? exact.first() : withError.first();
  await field.fill(value);
}

/**
 * Chooses one or more choices of an Input.ChoiceSet found by its label: radios or checkboxes
 * for `style: expanded`, otherwise the drop-down (where several can be picked if multi-select).
 */
export async function chooseCardOption(card: Locator, label: string, choices: string | string[]): Promise<void> {
  const wanted = Array.isArray(choices) ? choices : [choices];
  const page = card.page();
  const radios = card.getByRole('radiogroup', { name: label, exact: true });
  if (await radios.count()) {
    await radios.getByRole('radio', { name: wanted[0], exact: true }).check();
    return;
  }
  // Expanded multi-select: each checkbox is named "<label> <choice>".
  const boxes = card.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(label)} `) });
  if (await boxes.count()) {
    // (after a failed required check: "<label> <error message> <choice>")
    for (const choice of wanted) {
      await card
        .getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(label)} (.+ )?${escapeRegExp(choice)}$`) })
        .first()
        .check();
    }
    return;
  }
  // Compact: a drop-down. Single-select choices are role=option; multi-select ones are
  // role=menuitemcheckbox in a menu that stays open between picks.
  const combo = card.getByRole('combobox', { name: label, exact: true });
  const choiceItem = (name: string) =>
    page.getByRole('option', { name, exact: true }).or(page.getByRole('menuitemcheckbox', { name, exact: true }));
  const listOpen = () => page.getByRole('option').or(page.getByRole('menuitemcheckbox')).first().isVisible();
  for (const choice of wanted) {
    if (!(await listOpen())) await combo.click();
    const item = choiceItem(choice);
    await item.waitFor();
    const picked = (await item.getAttribute('aria-selected')) === 'true' || (await item.getAttribute('aria-checked')) === 'true';
    if (!picked) await item.click();
  }
  if (await listOpen()) await page.keyboard.press('Escape');
}

/**
 * Picks people in a card's people picker (an Input.ChoiceSet whose choices come from
 * graph.microsoft.com/users). The Playground offers everyone in its config.
 */
export async function choosePeople(card: Locator, names: string | string[]): Promise<void> {
  const page = card.page();
  const picker = card.getByRole('combobox', { name: 'People Picker', exact: true });
  for (const name of Array.isArray(names) ? names : [names]) {
    await picker.click();
    await page
      .getByRole('option', { name: new RegExp(escapeRegExp(name)) })
      .first()
      .click();
    await card.getByRole('list', { name: 'Selected contacts' }).getByRole('listitem').filter({ hasText: name }).waitFor();
  }
  if (await page.getByRole('option').first().isVisible()) await page.keyboard.press('Escape');
}

/**
 * Waits for the note the Playground shows under a card after one of its buttons was pressed,
 * e.g. the bot's plain-text answer to an Action.Execute.
 */
export async function waitForCardNote(card: Locator, text: string, options: { timeoutMs?: number } = {}): Promise<Locator> {
  const timeout = options.timeoutMs ?? 20_000;
  const note = card
    .locator('xpath=ancestor::*[.//*[@aria-label="Display Invoked Message"]][1]')
    .getByLabel('Display Invoked Message', { exact: true })
    .filter({ hasText: text });
  try {
    await note.first().waitFor({ timeout });
    return note.first();
  } catch (error) {
    throw await failure(card.page(), `No note saying "${text}" appeared under the card within ${timeout / 1000} s.`, error);
  }
}

/** Turns an Input.Toggle (found by its title) on or off. */
export async function setCardToggle(card: Locator, title: string, on: boolean): Promise<void> {
  await card.getByRole('checkbox', { name: title, exact: true }).setChecked(on);
}

// --- Someone else speaks ----------------------------------------------------------------------

/**
 * Sends the bot an activity of your own through the Playground's "Mock an Activity" >
 * "Custom activity", e.g. a message from another person in the pretend team (see
 * teamsMessage() in pretend-tenant.ts). The Playground delivers it to the bot as it stands and
 * shows the bot's answer in the conversation the activity names. Returns a mark taken just
 * before sending, for waitForCardText.
 */
export async function sendCustomActivity(page: Page, activity: Record<string, unknown>): Promise<Mark> {
  await page.getByRole('button', { name: 'Mock an Activity', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Custom activity', exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Send activity', exact: true }) });
  const editor = dialog.locator('.monaco-editor textarea');
  await editor.waitFor();
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // On one line: the editor would indent (and so break) what follows each typed newline.
  const json = JSON.stringify(activity);
  await page.keyboard.insertText(json);
  const entities = Array.isArray(activity.entities) ? (activity.entities as Array<{ type?: string }>) : [];
  if (entities.some((e) => e.type === 'mention' || e.type === 'emailNotification')) {
    // It takes any mention for a "Mention in Word" activity and opens that form; send the JSON.
    await dialog.getByRole('tab', { name: 'JSON', exact: true }).click();
  }
  await dialog.locator('.monaco-editor').getByText(json.slice(0, 40), { exact: false }).first().waitFor();
  const mark = await markCards(page);
  await dialog.getByRole('button', { name: 'Send activity', exact: true }).click();
  try {
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  } catch (error) {
    throw await failure(page, 'The Playground did not send the custom activity (its dialog stayed open).', error);
  }
  return mark;
}

// --- Pictures ----------------------------------------------------------------------------------

/**
 * Saves a screenshot of the Playground, without its log panel, as docs/<name>.png. With `show`,
 * that element (e.g. a card) is scrolled to the middle of the conversation first.
 */
export async function saveScreenshot(page: Page, name: string, options: { show?: Locator } = {}): Promise<string> {
  const hide = page.getByRole('button', { name: 'Hide log panel', exact: true });
  if (await hide.isVisible()) await hide.click();
  await settle(page, 300);
  if (options.show) {
    await options.show.evaluate((el) => {
      const tall = el.getBoundingClientRect().height > window.innerHeight - 200;
      el.scrollIntoView({ block: tall ? 'start' : 'center' });
    });
    await settle(page, 300);
  }
  fs.mkdirSync(DOCS_DIR, { recursive: true });
  const file = path.join(DOCS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
