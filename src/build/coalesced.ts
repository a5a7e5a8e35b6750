// One task at a time however often it is asked for (astro dev's regeneration on file saves).

/**
 * Runs `task` on request, never twice at once: requests while it runs make it run once more
 * when it ends (however many arrive), so the last request is always served by a run that
 * started after it.
 */
export function coalesced(task: () => Promise<void>): { request: () => Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    try {
      do {
        again = false;
        await task();
      } while (again);
    } finally {
      running = undefined;
    }
  };
  return {
    request: () => {
      if (running) again = true;
      else running = loop();
      return running;
    },
  };
}
