// Large endpoint bodies (/data/stats.csv, /data/stats.json: 98 MB and 39 MB at 2,500 reports) as a
// stream of UTF-8 chunks rather than one string. Astro's build reads the body with arrayBuffer(),
// so the bytes are still gathered once, but the whole text never exists as a JS string (two bytes
// a character for Chinese, plus the rope and the flattened copy new Response(string) encodes from).

const CHUNK_CHARS = 1 << 16;

/** A body that encodes `pieces` as it is read, about 64K characters at a time. */
export function streamedBody(pieces: Iterable<string>): ReadableStream<Uint8Array> {
  const it = pieces[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = "";
      while (text.length < CHUNK_CHARS) {
        const next = it.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
  });
}

/** JSON.stringify(doc) in pieces, the array under `key` an element at a time. */
export function* jsonPieces(doc: object, key: string): Generator<string> {
  let sep = "{";
  for (const [name, value] of Object.entries(doc)) {
    if (name === key && Array.isArray(value)) {
      yield `${sep}${JSON.stringify(name)}:[`;
      for (let i = 0; i < value.length; i++) yield (i ? "," : "") + (JSON.stringify(value[i]) ?? "null");
      yield "]";
    } else {
      const text = JSON.stringify(value);
      if (text === undefined) continue;
      yield `${sep}${JSON.stringify(name)}:${text}`;
    }
    sep = ",";
  }
  yield sep === "{" ? "{}" : "}";
}
