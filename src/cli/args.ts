// Tiny argument reader for the project's CLIs: positional values and "--name value" options.
export interface Args {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export function readArgs(argv: string[], valued: readonly string[]): Args {
  const args: Args = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") continue;
    if (!a.startsWith("--")) args.positional.push(a);
    else if (valued.includes(a.slice(2)) && i + 1 < argv.length)
      args.options.set(a.slice(2), argv[++i] as string);
    else args.flags.add(a.slice(2));
  }
  return args;
}

/** Prints one line and exits 1: the CLIs' way of reporting an input problem. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
