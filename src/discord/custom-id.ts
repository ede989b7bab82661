/**
 * Button ids. Discord gives a button 100 characters of `custom_id` and nothing else, so the ids carry what a
 * press needs: which paragraph to show, or which command's list to page and with which options. Options that
 * do not fit are kept in a small in-memory store and the id carries the key; after a restart such a button
 * answers "expired" instead of showing the wrong list.
 */
export const CUSTOM_ID_MAX = 100;

/** The options a paged list was made with (command option name -> value). */
export type ViewOptions = Record<string, string>;

/** What pressing a button asks for. */
export type ComponentAction =
  | { kind: 'paragraph'; article: { id: string } | { index: number }; paragraph: number }
  | { kind: 'page'; command: string; page: number; options: ViewOptions }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/** Remembers the options of lists whose ids would be too long, newest first, up to a bound. */
export interface ViewStore {
  put(options: ViewOptions): string;
  get(key: string): ViewOptions | undefined;
}

/** Creates a bounded store (oldest entries are forgotten first). */
export function createViewStore(capacity = 1000): ViewStore {
  const entries = new Map<string, ViewOptions>();
  let counter = 0;
  return {
    put(options) {
      const key = (counter++).toString(36);
      entries.set(key, options);
      if (entries.size > capacity) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return key;
    },
    get: (key) => entries.get(key),
  };
}

/** Id of a "Show paragraph" button; falls back to the article's position when its id is too long to carry. */
export function encodeParagraphId(articleId: string, articleIndex: number, paragraph: number): string {
  const byId = `para:${paragraph}:${articleId}`;
  return byId.length <= CUSTOM_ID_MAX ? byId : `para:${paragraph}:#${articleIndex}`;
}

/**
 * Returns a function that makes the id of page `n` of a command's list. Options travel inside the id when they
 * fit, otherwise in the store; `slot` tells the Previous, indicator and Next buttons apart.
 */
export function createPageIds(
  command: string,
  options: ViewOptions,
  store: ViewStore,
): (page: number) => string {
  const clean = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== ''));
  const inline = `?${new URLSearchParams(clean).toString()}`;
  let token: string | undefined;
  return (page) => {
    const head = `page:${command}:${page}:`;
    if (token === undefined)
      token = head.length + inline.length + 4 <= CUSTOM_ID_MAX ? inline : `~${store.put(clean)}`;
    return `${head}${token}`;
  };
}

/** Reads a button id back into what it asks for. */
export function decodeComponentId(customId: string, store: ViewStore): ComponentAction {
  const para = /^para:(\d+):(.+)$/.exec(customId);
  if (para) {
    const paragraph = Number(para[1]);
    const ref = para[2] ?? '';
    const index = /^#(\d+)$/.exec(ref);
    return { kind: 'paragraph', paragraph, article: index ? { index: Number(index[1]) } : { id: ref } };
  }
  const page = /^page:([\w-]+):(-?\d+):(.*)$/.exec(customId);
  if (page) {
    const command = page[1] ?? '';
    const n = Math.max(0, Number(page[2]));
    const token = page[3] ?? '';
    if (token.startsWith('?')) {
      return {
        kind: 'page',
        command,
        page: n,
        options: Object.fromEntries(new URLSearchParams(token.slice(1))),
      };
    }
    const stored = token.startsWith('~') ? store.get(token.slice(1)) : undefined;
    return stored ? { kind: 'page', command, page: n, options: stored } : { kind: 'expired' };
  }
  return { kind: 'unknown' };
}
