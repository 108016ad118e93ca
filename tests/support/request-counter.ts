// Counts every storage request Valued sends, as a pipeline policy passed in from outside
// (StartOptions.storagePolicies), so tests assert request budgets on the real composition.
import type { PipelinePolicy } from '../../src/storage/table/table-store';

export class RequestCounter {
  /** "GET slips", "PUT history", "POST $batch" … in the order they were sent. */
  readonly log: string[] = [];

  readonly policy: PipelinePolicy = {
    name: 'testRequestCounter',
    sendRequest: (request, next) => {
      if (this.on) {
        const last = decodeURIComponent(new URL(request.url).pathname.split('/').filter(Boolean).pop() ?? '');
        this.log.push(`${request.method} ${last.replace(/^valued/, '').replace(/\(.*$/s, '')}`);
      }
      return next(request);
    },
  };

  private on = false;

  /** Starts counting afresh. */
  start(): void {
    this.log.length = 0;
    this.on = true;
  }

  /** Stops counting and returns how many requests were sent since start(). */
  stop(): number {
    this.on = false;
    return this.log.length;
  }
}
