import type { Command, WorkerEvent } from './protocol';
import type { WorkerLike } from './client';

/**
 * A stand-in for the training worker in unit tests: it records the commands
 * it is sent and lets the test play worker events or a crash back.
 */
export class FakeWorker implements WorkerLike {
  readonly commands: Command[] = [];
  readonly transferred: Transferable[][] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: never) => void)[]>();

  postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
    this.commands.push(message as Command);
    this.transferred.push(Array.isArray(transfer) ? transfer : []);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: string, listener: unknown): void {
    const list = this.listeners.get(type) ?? [];
    list.push(listener as (event: never) => void);
    this.listeners.set(type, list);
  }

  /** Delivers an event as if the worker had posted it. */
  emit(event: WorkerEvent): void {
    for (const listener of this.listeners.get('message') ?? []) listener({ data: event } as never);
  }

  /** Fires the error event a worker gets from an uncaught exception. */
  crash(message: string): void {
    for (const listener of this.listeners.get('error') ?? []) listener({ message, preventDefault: () => {} } as never);
  }

  /** The last train command's run id. */
  get lastRunId(): number {
    const train = this.commands.findLast((command) => command.type === 'train');
    if (!train || train.type !== 'train') throw new Error('no train command was sent');
    return train.runId;
  }
}
