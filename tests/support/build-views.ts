// Jest global setup: builds the pages' scripts and styles into dist/assets, so the server
// under test serves the same files as production (see src/tools/build-views.ts).
import { buildViews } from '../../src/tools/build-views';

export default async function setup(): Promise<void> {
  await buildViews();
}
