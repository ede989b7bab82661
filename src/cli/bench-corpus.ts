/**
 * A generated corpus for the benchmark: many short, varied, made-up news articles with people, organisations,
 * dates, claims and figures, written deterministically from a seed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FIRST = [
  'Maria',
  'John',
  'Aisha',
  'Kenji',
  'Olga',
  'Pedro',
  'Fatima',
  'Liam',
  'Chen',
  'Amara',
  'Tomas',
  'Ines',
];
const LAST = [
  'Novak',
  'Hughes',
  'Okoye',
  'Tanaka',
  'Petrov',
  'Silva',
  'Haddad',
  'Byrne',
  'Wei',
  'Diallo',
  'Berg',
];
const ROLES = ['finance minister', 'mayor', 'chief executive', 'union leader', 'spokesperson', 'economist'];
const ORGS = [
  'Northern Rail Authority',
  'City Council',
  'Harbor Bank',
  'Farmers Union',
  'National Statistics Office',
];
const TOWNS = [
  'Eastport',
  'Millvale',
  'Rockford',
  'Lakeside',
  'Brennan',
  'Westfield',
  'Oakridge',
  'Fairhaven',
];
const TOPICS = [
  'rail line',
  'school budget',
  'water plant',
  'housing plan',
  'port expansion',
  'clinic network',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
];
const VERBS = ['said', 'told reporters', 'claimed', 'warned', 'argued'];

/** A small deterministic random generator (mulberry32), so every run benchmarks the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `count` generated articles as .txt files into `dir`. */
export async function writeBenchCorpus(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  for (let i = 0; i < count; i++) {
    const person = `${pick(FIRST)} ${pick(LAST)}`;
    const other = `${pick(FIRST)} ${pick(LAST)}`;
    const surname = person.split(' ')[1];
    const org = pick(ORGS);
    const town = pick(TOWNS);
    const topic = pick(TOPICS);
    const year = 2000 + Math.floor(rnd() * 24);
    const month = pick(MONTHS);
    const day = 1 + Math.floor(rnd() * 28);
    const money = 1 + Math.floor(rnd() * 900);
    const pct = 1 + Math.floor(rnd() * 99);
    const count2 = 2 + Math.floor(rnd() * 40);
    const text = [
      `${town} ${pick(['approves', 'delays', 'rejects', 'reviews'])} ${topic} after long debate`,
      '',
      `The ${org} has ${pick(['approved', 'delayed', 'questioned'])} the ${topic}, a project worth $${money} million.`,
      '',
      `${pick(ROLES).replace(/^./, (c) => c.toUpperCase())} ${person} ${pick(VERBS)} on ${month} ${day}, ${year} that the ${topic} would "change how ${town} works."`,
      `${surname} added that ${pct}% of residents supported the plan, according to a survey by the ${org}.`,
      '',
      `${other}, a ${pick(ROLES)} in ${town}, disagreed. "We were not asked," ${other.split(' ')[1]} said, adding that ${count2} families would have to move.`,
      `The ${topic} was first proposed in ${year - 1 - Math.floor(rnd() * 10)}. A year later, the ${org} ordered a study.`,
      '',
      `Work is expected to start in ${year + 1} and cost about $${money} million over ${2 + Math.floor(rnd() * 8)} years.`,
    ].join('\n');
    await writeFile(join(dir, `bench-${String(i).padStart(4, '0')}.txt`), `${text}\n`);
  }
}
