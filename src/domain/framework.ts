// A career framework whose domains a person can tag their thank-yous with. Frameworks are data
// (JSON files in ./frameworks), so a team can use another one (for example for nursing support
// workers) without a code change. Today every team uses the default; a team setting can choose later.
import ahpSupportWorker2021 from './frameworks/ahp-support-worker-2021.json';

export interface FrameworkDomain {
  /** Stable id, stored with each tag: never change it once people have used it. */
  id: string;
  number: number;
  name: string;
  /** Whether the name was checked against the source (see the file's sourceNotes). */
  checked: boolean;
}

export interface Framework {
  id: string;
  title: string;
  shortTitle: string;
  publisher: string;
  year: number;
  url: string;
  sourceNotes: string[];
  domains: FrameworkDomain[];
}

export const FRAMEWORKS: readonly Framework[] = [ahpSupportWorker2021];

export const DEFAULT_FRAMEWORK_ID = 'ahp-support-worker-2021';

/** The framework with this id, or the default for an id not (or no longer) known. */
export function frameworkById(id: string | undefined): Framework {
  return FRAMEWORKS.find((f) => f.id === id) ?? FRAMEWORKS.find((f) => f.id === DEFAULT_FRAMEWORK_ID)!;
}

/** Domain names for ids, in the framework's order; ids it does not know are left out. */
export function domainNames(framework: Framework, ids: readonly string[]): string[] {
  return framework.domains.filter((d) => ids.includes(d.id)).map((d) => d.name);
}
