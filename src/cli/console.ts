/**
 * Console mode: a prompt where a person types the bot's slash commands (`/who`, `/when budget`) or any
 * question, and reads the answers as the bot would give them. Used by `npm start` without a Discord token.
 */
import { createInterface } from 'node:readline';
import type { Engine } from '../engine.ts';
import type { Service } from '../main.ts';
import {
  type FormatOptions,
  formatAnswer,
  formatClaims,
  formatFigures,
  formatSummary,
  formatWhen,
  formatWho,
} from './format.ts';

const HELP = `Commands:
  /who [name]        people and organisations, with their roles
  /when [about]      the timeline
  /claims [speaker]  who claimed what
  /figures [about]   the numbers and what they measure
  /ask <question>    a question (or just type the question)
  /summary           the headline and key points
  /about             the articles indexed
  /help, /quit`;

/** Answers one console line; returns the text to print, or null when the line asks to quit. */
export function answerConsoleLine(engine: Engine, line: string): string | null {
  const text = line.trim();
  if (!text) return '';
  const opts: FormatOptions = { showArticle: engine.articles.length > 1 };
  if (!text.startsWith('/')) return formatAnswer(engine.ask(text), opts);
  const [, command = '', rest = ''] = /^\/(\S*)\s*(.*)$/s.exec(text) ?? [];
  const arg = rest.trim() || undefined;
  switch (command.toLowerCase()) {
    case 'who':
      return formatWho(engine.who({ filter: arg }), opts);
    case 'when':
      return formatWhen(engine.when({ filter: arg }), opts);
    case 'claims':
      return formatClaims(engine.claims({ filter: arg }), opts);
    case 'figures':
      return formatFigures(engine.figures({ filter: arg }), opts);
    case 'ask':
      return arg ? formatAnswer(engine.ask(arg), opts) : 'Ask a question, e.g. /ask who is quoted?';
    case 'summary':
      return formatSummary(engine.summary(), opts);
    case 'about':
      return formatAbout(engine);
    case 'help':
    case '?':
      return HELP;
    case 'quit':
    case 'exit':
    case 'q':
      return null;
    default:
      return `Unknown command /${command}. Type /help for the list.`;
  }
}

function formatAbout(engine: Engine): string {
  const lines = engine.describe().articles.map((a) => {
    const details = [a.source, a.published, `${a.paragraphs.length} paragraphs`].filter(Boolean).join(', ');
    return `• ${a.title} (${details})${a.url ? `\n  ${a.url}` : ''}\n  id: ${a.id}`;
  });
  return [
    `factdesk knows ${engine.articles.length} article${engine.articles.length === 1 ? '' : 's'}:`,
    ...lines,
    '',
    'Citations look like [¶7]: paragraph 7 of the article as numbered by `factdesk article`.',
  ].join('\n');
}

/** Runs the interactive prompt until the input closes or the user types /quit. */
export function startConsole(deps: {
  engine: Engine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}): Service {
  const { engine, input, output } = deps;
  const interactive = 'isTTY' in input && input.isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive, prompt: 'factdesk> ' });
  const done = new Promise<void>((resolve) => rl.once('close', resolve));
  if (interactive) output.write(`${HELP}\n\n`);
  rl.prompt();
  rl.on('line', (line) => {
    const reply = answerConsoleLine(engine, line);
    if (reply === null) {
      rl.close();
      return;
    }
    if (reply) output.write(`${reply}\n\n`);
    rl.prompt();
  });
  return {
    done,
    stop: async () => {
      rl.close();
      await done;
    },
  };
}
