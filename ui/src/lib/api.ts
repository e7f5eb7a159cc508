// The commands, unwrapped: a failed command throws its typed AppError.
import { commands, type AppError } from "./bindings";

/** What every generated command resolves to (the generator no longer exports the type). */
type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

export class CommandError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

function unwrap<T>(result: Result<T, AppError>): T {
  if (result.status === "ok") return result.data;
  throw new CommandError(result.error);
}

type Commands = typeof commands;
type Unwrapped = {
  [K in keyof Commands]: Commands[K] extends (...args: infer A) => Promise<Result<infer T, AppError>>
    ? (...args: A) => Promise<T>
    : never;
};

/** Every command, returning its data or throwing `CommandError`. */
export const api: Unwrapped = new Proxy({} as Unwrapped, {
  get(_target, name: string) {
    return async (...args: unknown[]) => unwrap(await (commands as any)[name](...args));
  },
});

/** The AppError inside anything thrown, or an internal one for unexpected failures. */
export function asAppError(thrown: unknown): AppError {
  if (thrown instanceof CommandError) return thrown.error;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { code: "internal", message, fields: [] };
}
