// Everything a browser walk-through needs, from one import.
export { AXE_TAGS, axeViolations } from './axe';
export { CHROMIUM_MISSING, CHROMIUM_PATH, assertChromium, launchChromium } from './chromium';
export { SAM_CONFIG, startE2EStack } from './e2e-stack';
export type { E2EStack } from './e2e-stack';
export { openMyTab, stackRepositories } from './my-tab';
export {
  ARTEFACTS_DIR,
  BOT_NAME,
  DOCS_DIR,
  cardFirstText,
  chooseCardOption,
  choosePeople,
  clickCardButton,
  fillCardInput,
  markCards,
  openConversation,
  saveScreenshot,
  sendCustomActivity,
  sendMessage,
  setCardToggle,
  settle,
  typeMention,
  waitForBotText,
  waitForCardNote,
  waitForCardText,
} from './playground-ui';
export type { ConversationKind, Mark } from './playground-ui';
export { PLAYGROUND_CONFIG, personNamed, readPretendTenant, teamsMessage } from './pretend-tenant';
export type { PretendPerson, PretendTenant } from './pretend-tenant';
