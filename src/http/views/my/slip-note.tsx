// A person's own note on a thank-you they received: "Shows: …" and their reflection, and (in the
// tab) the small form that adds or changes it in place through PUT /api/me/slips/:id/reflection.
// The form is rendered here, escaped like everything else; tab-reflect.ts only shows, sends and
// updates it.
import type { Framework } from '../../../domain/framework';
import { REFLECTION_MAX, type SlipReflection } from '../../../domain/reflection';

export const domainLabel = (d: { number: number; name: string }) => `${d.number}. ${d.name}`;

/** The names of the domains a note was tagged with, in the framework's order. */
export function domainNames(note: Pick<SlipReflection, 'domains'> | undefined, framework: Framework): string[] {
  const chosen = new Set(note?.domains ?? []);
  return framework.domains.filter((d) => chosen.has(d.id)).map((d) => d.name);
}

/** What the slip shows and what the person wrote; nothing when they have written nothing. */
export function NoteSummary({ shows, reflection }: { shows: string[]; reflection: string }) {
  return (
    <div class="note" data-note="">
      <p class="note-shows" hidden={!shows.length}>
        <strong>Shows:</strong> <span data-shows="">{shows.join('; ')}</span>
      </p>
      <p class="note-reflection" hidden={!reflection}>
        <strong>Your reflection:</strong> <span data-reflection="">{reflection}</span>
      </p>
      <p class="note-saved" role="status" data-saved=""></p>
    </div>
  );
}

/** `id` makes the form's element ids unique on the page (the slip's place in the list). */
export function ReflectForm({
  id,
  slipId,
  createdAt,
  note,
  framework,
}: {
  id: string;
  slipId: string;
  createdAt: string;
  note?: SlipReflection;
  framework: Framework;
}) {
  const chosen = new Set(note?.domains ?? []);
  const text = note?.reflection ?? '';
  return (
    <>
      <button type="button" class="secondary reflect-toggle" aria-expanded="false" aria-controls={id} data-reflect="">
        {note ? 'Change tags and reflection' : 'Tag and reflect'}
      </button>
      <form id={id} class="reflect" hidden data-slip-id={slipId} data-created-at={createdAt} novalidate>
        <fieldset id={`${id}-domains`}>
          <legend>What does this thank-you show about your work?</legend>
          <p class="hint">
            {`Choose any parts of the ${framework.title} (${framework.publisher}, ${framework.year}) that fit, or none. You decide.`}
          </p>
          {framework.domains.map((d) => (
            <div class="check">
              <input type="checkbox" id={`${id}-${d.id}`} name="domains" value={d.id} checked={chosen.has(d.id)} />
              <label for={`${id}-${d.id}`}>{domainLabel(d)}</label>
            </div>
          ))}
        </fieldset>
        <label for={`${id}-text`}>Your reflection (optional)</label>
        <p class="hint" id={`${id}-hint`}>
          What you did, and what you learned. Only you can see it.
        </p>
        <textarea id={`${id}-text`} name="reflection" rows={4} maxLength={REFLECTION_MAX} aria-describedby={`${id}-hint ${id}-count`}>
          {text}
        </textarea>
        <p class="char-count" id={`${id}-count`} data-count="">
          {`${REFLECTION_MAX - text.length} characters left`}
        </p>
        <p class="visually-hidden" aria-live="polite" data-count-live=""></p>
        <p class="problem" role="alert" data-problem="" hidden></p>
        <button type="submit">Save</button>
        <button type="button" class="secondary" data-cancel="">
          Cancel
        </button>
      </form>
    </>
  );
}
