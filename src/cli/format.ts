/**
 * Plain-text rendering of the engine's answers for a terminal: the same content the bot shows, with `[¶n]`
 * citation markers.
 */
import type {
  Answer,
  ArticlesResult,
  Citation,
  ClaimsResult,
  FiguresResult,
  Summary,
  WhenResult,
  WhoResult,
} from '../schema.ts';

export interface FormatOptions {
  /** Show the article id in markers (`[harbor ¶3]`): useful when the corpus has several articles. */
  showArticle?: boolean;
}

/** A citation marker such as `[¶7]`. */
export function marker(c: Citation, opts: FormatOptions = {}): string {
  return opts.showArticle ? `[${c.article} ¶${c.paragraph}]` : `[¶${c.paragraph}]`;
}

function markers(citations: Citation[], opts: FormatOptions): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of citations) {
    const m = marker(c, opts);
    if (!seen.has(m)) out.push(m);
    seen.add(m);
  }
  return out.join(' ');
}

function quoteLine(c: Citation | undefined, opts: FormatOptions): string[] {
  return c ? [`    > ${c.quote} ${marker(c, opts)}`] : [];
}

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

const none = (what: string) => `The article doesn't mention any ${what}${what.endsWith('s') ? '' : 's'}.`;

/** People, organisations and places with roles and citations. */
export function formatWho(result: WhoResult, opts: FormatOptions = {}): string {
  if (result.items.length === 0) return none('people or organisations');
  const lines: string[] = [];
  for (const kind of ['person', 'organization', 'place'] as const) {
    const items = result.items.filter((i) => i.kind === kind);
    if (items.length === 0) continue;
    lines.push(kind === 'person' ? 'People' : kind === 'organization' ? 'Organisations' : 'Places');
    lines.push(
      ...table(
        items.map((i) => [
          `  ${i.name}`,
          i.roles.join('; ') || '—',
          `${i.mentions}×`,
          markers(i.citations, opts),
        ]),
      ),
    );
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/** The timeline in date order; inferred dates are marked. */
export function formatWhen(result: WhenResult, opts: FormatOptions = {}): string {
  if (result.items.length === 0) return none('dates');
  const rows = result.items.map((i) => [
    `${i.date ?? '?'}${i.inferred ? '*' : ''}`,
    `(${i.label})`,
    `${i.event} ${markers(i.citations, opts)}`,
  ]);
  const lines = table(rows);
  if (result.items.some((i) => i.inferred)) {
    lines.push(
      '',
      '* inferred: the article gives no publication date, so this date is worked out from the text.',
    );
  }
  return lines.join('\n');
}

/** Who claimed what, hedged claims marked. */
export function formatClaims(result: ClaimsResult, opts: FormatOptions = {}): string {
  if (result.items.length === 0) return none('attributed claims');
  return result.items
    .map((c) => {
      const head = `${c.speaker} (${c.verb}${c.date ? `, ${c.date}` : ''})${c.hedged ? ' [unconfirmed]' : ''}: ${c.claim}`;
      return [head, ...quoteLine(c.citations[0], opts)].join('\n');
    })
    .join('\n\n');
}

/** The numbers, what they measure and their period. */
export function formatFigures(result: FiguresResult, opts: FormatOptions = {}): string {
  if (result.items.length === 0) return none('figures');
  return table(
    result.items.map((f) => [
      f.display,
      f.measures || '—',
      f.period ? `(${f.period})` : '',
      markers(f.citations, opts),
    ]),
  ).join('\n');
}

/** The short answer and its quote, or what the article says nearest to the question. */
export function formatAnswer(answer: Answer, opts: FormatOptions = {}): string {
  if (answer.found) {
    const lines = [`${answer.answer ?? ''}`];
    for (const c of answer.citations.slice(0, 2)) lines.push(...quoteLine(c, opts));
    return lines.join('\n');
  }
  const lines = ["The article doesn't say."];
  if (answer.citations.length > 0) {
    lines.push('Nearest passages:');
    for (const c of answer.citations.slice(0, 3)) lines.push(...quoteLine(c, opts));
  }
  return lines.join('\n');
}

/** The headline and the cited key points. */
export function formatSummary(summary: Summary, opts: FormatOptions = {}): string {
  const lines = [summary.title, ''];
  for (const p of summary.points) lines.push(`• ${p.text} ${markers(p.citations, opts)}`);
  return lines.join('\n').trimEnd();
}

/** Each article's kept paragraphs, numbered, and what cleaning dropped and why. */
export function formatArticles(result: ArticlesResult): string {
  const out: string[] = [];
  for (const a of result.articles) {
    out.push(
      `${a.title}  (${a.id}${a.published ? `, ${a.published}` : ''}${a.source ? `, ${a.source}` : ''})`,
    );
    if (a.url) out.push(a.url);
    out.push('');
    for (const p of a.paragraphs) {
      out.push(`[¶${p.n}]${p.kind === 'body' ? '' : ` (${p.kind})`} ${p.text}`);
    }
    if (a.dropped.length > 0) {
      out.push('', `Dropped by cleaning (${a.dropped.length}):`);
      for (const d of a.dropped) {
        const text = d.text.length > 80 ? `${d.text.slice(0, 77)}...` : d.text;
        out.push(`  - ${d.reason}: ${text}`);
      }
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}
