/**
 * Text from users and from articles is shown, never executed: markdown is escaped and mentions are broken with
 * a zero-width space, so `@everyone`, `<@123>` or `**bold**` read as typed. (allowedMentions stops the pings
 * too; breaking the syntax also keeps the text from rendering as a mention chip.)
 */
import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/** Escapes markdown and defuses mentions in one line of untrusted text (newlines become spaces). */
export function escapeText(text: string): string {
  const oneLine = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const escaped = escapeMarkdown(oneLine, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
  return defuseMentions(escaped);
}

/** Breaks `@everyone`, `@here`, and user, role, channel and command mentions without changing how they read. */
export function defuseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@[!&]?|#|\/)/g, `<${ZERO_WIDTH_SPACE}$1`);
}

/** Shortens text to at most `max` characters with an ellipsis, without splitting a surrogate pair or an escape. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, Math.max(0, max - 1));
  // A lone high surrogate would render as a replacement character.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  // An odd run of trailing backslashes would escape the ellipsis or whatever follows in the embed.
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
