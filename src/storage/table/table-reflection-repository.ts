// A person's tags and reflections: PartitionKey `person|{id}`, RowKey the slip id. Kept apart from
// their history so rewriting a history entry (a sender erasing their data) never loses a note.
import type { SlipReflection } from '../../domain/reflection';
import type { ReflectionRepository } from '../reflection-repository';
import { DocTable } from './doc-table';
import { keys } from './keys';

export class TableReflectionRepository implements ReflectionRepository {
  constructor(private readonly t: DocTable<SlipReflection>) {}

  async get(personId: string, slipId: string): Promise<SlipReflection | undefined> {
    return (await this.t.get(keys.person(personId), keys.slipRow(slipId)))?.doc;
  }

  list(personId: string): Promise<SlipReflection[]> {
    return this.t.list(keys.person(personId));
  }

  put(note: SlipReflection): Promise<void> {
    return this.t.upsert(keys.person(note.personId), keys.slipRow(note.slipId), note);
  }

  delete(personId: string, slipId: string): Promise<void> {
    return this.t.delete(keys.person(personId), keys.slipRow(slipId));
  }

  deleteAll(personId: string): Promise<number> {
    return this.t.deletePartition(keys.person(personId));
  }
}
