// Everything a browser walk-through needs, from one import.
export { CHROMIUM_MISSING, CHROMIUM_PATH, assertChromium, launchChromium } from './chromium';
export { SAM_CONFIG, startE2EStack } from './e2e-stack';
export type { E2EStack } from './e2e-stack';
export {
  ARTEFACTS_DIR,
  BOT_NAME,
  DOCS_DIR,
  cardFirstText,
  chooseCardOption,
  clickCardButton,
  fillCardInput,
  markCards,
  openConversation,
  saveScreenshot,
  sendMessage,
  setCardToggle,
  settle,
  typeMention,
  waitForBotText,
  waitForCardText,
} from './playground-ui';
export type { ConversationKind, Mark } from './playground-ui';
