//! The post-build hook's steps: each one named, and a failure says which
//! step failed, why, and what to do about it.

/** A step's failure that the maintainer can act on: what went wrong and what to do. */
export class BuildError extends Error {
  /** `message`: what is wrong; `fix`: what to do about it (one or two sentences). */
  constructor(message, fix) {
    super(message);
    this.fix = fix;
  }
}

/** Throws a BuildError: `message` says what is wrong, `fix` what to do. */
export function fail(message, fix) {
  throw new BuildError(message, fix);
}

/**
 * Runs `steps` ([name, fn] pairs) in order, each awaited. The first to
 * throw ends the process with a message naming the step, what went wrong
 * and what to do (an unexpected error also shows its stack).
 */
export async function runSteps(steps) {
  for (const [i, [name, run]] of steps.entries()) {
    try {
      await run();
    } catch (error) {
      const at = `post-build: step ${i + 1} of ${steps.length}, "${name}", failed`;
      if (error instanceof BuildError) {
        console.error(`${at}: ${error.message}\n  what to do: ${error.fix}`);
      } else {
        console.error(`${at} unexpectedly:\n${error?.stack ?? error}\n  what to do: this is a bug in the build's own code (tools/post-build.mjs, tools/build/).`);
      }
      process.exit(1);
    }
  }
}
