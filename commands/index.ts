/** Every slash command, in the order Discord lists them. The deploy script and the bot both read this list. */
import type { Command } from '../src/discord/context.ts';
import * as about from './about.ts';
import * as ask from './ask.ts';
import * as claims from './claims.ts';
import * as dailySummary from './daily-summary.ts';
import * as figures from './figures.ts';
import * as summary from './summary.ts';
import * as when from './when.ts';
import * as who from './who.ts';

export const commands: readonly Command[] = [ask, who, when, claims, figures, summary, dailySummary, about];
