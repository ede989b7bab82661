import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ArticleFileError } from '../src/corpus/errors.ts';
import { parseArticle } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';

const FERRY = new URL('./fixtures/corpus/ferry-strike.html', import.meta.url).pathname;

function parseHtml(html: string | Uint8Array, id = 'page'): Promise<Article> {
  const bytes = typeof html === 'string' ? Buffer.from(html) : html;
  return parseArticle({ id, file: `${id}.html`, format: 'html', bytes });
}

const NIGHT_BUSES = `<!DOCTYPE html>
<html><head><title>Night buses return to the city centre - Metro Daily</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/login">Sign in</a></nav>
<article>
<h1>Night buses return to the city centre</h1>
<p>Night buses will run through the city centre again from Friday, the transport authority said, two years after the routes were cut to save money.</p>
<p>The authority said four routes would run every thirty minutes between midnight and five in the morning, with extra buses on weekends.</p>
<ul><li><a href="/a">Tram fares frozen for another year</a></li><li><a href="/b">Cycle hire scheme expands to suburbs</a></li><li><a href="/c">Airport rail link delayed again</a></li></ul>
<p>Shift workers had campaigned for the return of the routes, saying taxis cost them more than an hour of wages each night.</p>
<p>"This makes a real difference to people who keep the city running," said Marta Ilic, who organised the campaign.</p>
<p>Advertisement</p>
<p>The authority said it would review the timetable after six months and could add routes if demand was high.</p>
</article>
<footer><p>&copy; 2024 Metro Daily</p></footer>
</body></html>`;

describe('extracting articles from saved web pages', () => {
  it('keeps the headline, standfirst, photo caption and body of a news page, with its metadata', async () => {
    const article = await parseHtml(await readFile(FERRY), 'ferry-strike');
    expect(article.title).toBe('Ferry crews walk out over rota changes');
    expect(article.meta).toEqual({
      title: 'Ferry crews walk out over rota changes',
      source: 'The Sound Gazette',
      url: 'https://example.com/news/ferry-crews-walk-out',
      byline: 'Oren Blakely',
      published: '2024-06-03T07:15:00Z',
    });
    expect(article.paragraphs.map((p) => p.kind)).toEqual([
      'headline',
      'standfirst',
      'caption',
      ...Array(7).fill('body'),
    ]);
    expect(article.paragraphs[0]).toEqual({
      n: 1,
      text: 'Ferry crews walk out over rota changes',
      kind: 'headline',
    });
    expect(article.paragraphs[2]?.text).toBe(
      'The morning ferry sits idle at the north pier. (Photo: Lena Voss / Sound Gazette)',
    );
    const body = article.paragraphs.filter((p) => p.kind === 'body').map((p) => p.text);
    expect(body[0]).toMatch(/^Crews on the Tarn Sound ferry walked out at dawn on Monday/);
    expect(body).toContain('Talks planned');
    expect(body.at(-1)).toBe(
      'Shops on the island said fresh food was already running low. "We had one delivery on Sunday and that\'s it," said grocer Ana Petrov.',
    );
  });

  it('leaves out navigation, the cookie banner, the newsletter box, share buttons, related links and the footer', async () => {
    const article = await parseHtml(await readFile(FERRY), 'ferry-strike');
    const kept = article.paragraphs.map((p) => p.text).join('\n');
    for (const furniture of [
      /cookies/i,
      /Sign in|Sign up|newsletter|inbox/i,
      /Share this article|Facebook/,
      /Related stories|Harbour dredging|electric ferries/,
      /All rights reserved|Terms of use/,
      /^(News|Sport|Business|Opinion)$/m,
      /Transport correspondent/,
    ]) {
      expect(kept).not.toMatch(furniture);
    }
    expect(article.dropped).toContainEqual({
      text: expect.stringMatching(/^Get the Morning Brief: Sign up for our free newsletter/),
      reason: 'newsletter sign-up',
    });
  });

  it('drops link lists and advertisement labels that readability leaves inside the article', async () => {
    const article = await parseHtml(NIGHT_BUSES);
    expect(article.title).toBe('Night buses return to the city centre');
    // The first paragraph reports a dated event ("from Friday"): a lead, not a standfirst.
    expect(article.paragraphs.map((p) => p.kind)).toEqual(['headline', ...Array(5).fill('body')]);
    expect(article.dropped).toEqual([
      { text: 'Tram fares frozen for another year', reason: 'list of short links' },
      { text: 'Cycle hire scheme expands to suburbs', reason: 'list of short links' },
      { text: 'Airport rail link delayed again', reason: 'list of short links' },
      { text: 'Advertisement', reason: 'advertisement' },
    ]);
    expect(article.paragraphs.at(-1)?.text).toMatch(/^The authority said it would review the timetable/);
  });

  it('keeps the photo caption above the first paragraph as the article caption', async () => {
    const html = NIGHT_BUSES.replace(
      '<p>Night buses will run',
      '<figure><p>Photo</p><img src="https://example.com/bus.jpg" width="800" height="400" alt=""><figcaption>A night bus waits at the central station. Photo: Sam Reed</figcaption></figure>\n<p>Night buses will run',
    );
    const article = await parseHtml(html);
    expect(article.paragraphs.slice(0, 3).map((p) => [p.kind, p.text])).toEqual([
      ['headline', 'Night buses return to the city centre'],
      ['caption', 'A night bus waits at the central station. Photo: Sam Reed'],
      ['body', expect.stringMatching(/^Night buses will run/)],
    ]);
  });

  it('decodes a page saved in the character set its meta tag declares', async () => {
    const html = NIGHT_BUSES.replace('<head>', '<head><meta charset="windows-1252">').replace(
      '"This makes',
      '\u201cThis makes',
    );
    // windows-1252 stores the opening curly quote as the single byte 0x93.
    const bytes = Buffer.from(html.replace('\u201c', '\u0093'), 'latin1');
    const article = await parseHtml(bytes);
    expect(article.paragraphs.map((p) => p.text)).toContain(
      '\u201cThis makes a real difference to people who keep the city running," said Marta Ilic, who organised the campaign.',
    );
  });

  it('reads the publication date from the JSON-LD or meta tags when the page has one', async () => {
    const html = NIGHT_BUSES.replace(
      '<head>',
      '<head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Night buses return to the city centre","datePublished":"2024-05-10T06:00:00+01:00","author":{"@type":"Person","name":"Jo Marsh"}}</script>',
    );
    const article = await parseHtml(html);
    expect(article.meta.published).toBe('2024-05-10T06:00:00+01:00');
    expect(article.meta.byline).toBe('Jo Marsh');
  });

  it("keeps the page's own headline as paragraph 1 when a sidecar gives the article another title", async () => {
    const article = await parseArticle({
      id: 'buses',
      file: 'buses.html',
      format: 'html',
      bytes: Buffer.from(NIGHT_BUSES),
      sidecar: Buffer.from(JSON.stringify({ title: 'Night bus routes restored' })),
    });
    expect(article.title).toBe('Night bus routes restored');
    expect(article.paragraphs[0]).toEqual({
      n: 1,
      text: 'Night buses return to the city centre',
      kind: 'headline',
    });
  });

  it('refuses a page with no article text, saying why', async () => {
    const html = '<html><body><nav><a href="/">Home</a> <a href="/login">Sign in</a></nav></body></html>';
    await expect(parseHtml(html)).rejects.toThrow(ArticleFileError);
    await expect(parseHtml(html)).rejects.toThrow(/no article text/);
  });
});
