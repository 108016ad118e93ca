import type { SlipReflection } from '../domain/reflection';

/** One partition per person: their own tags and reflections, one row per slip. */
export interface ReflectionRepository {
  get(personId: string, slipId: string): Promise<SlipReflection | undefined>;
  /** Every note the person has written (portfolio, export): one partition. */
  list(personId: string): Promise<SlipReflection[]>;
  /** Replaces the note on that slip: the person's latest answer is the one kept. */
  put(note: SlipReflection): Promise<void>;
  delete(personId: string, slipId: string): Promise<void>;
  /** Everything the person wrote (erasure); the number of notes removed. */
  deleteAll(personId: string): Promise<number>;
}
