/**
 * Deterministic English text shaped like machine-translated news, for the benchmark only.
 * Every sentence comes from the templates below (written for mtlint, not taken from any data
 * set); about one sentence in six carries a literal-translation error of the kind mtlint flags.
 */

import { seededRandom } from "../../src/eval/realdata.js";

const PEOPLE = ["Emmanuel Macron", "Anne Hidalgo", "Jean-Luc Mélenchon", "Marine Le Pen", "Kim Jong-un", "Angela Merkel", "M. Dupont", "Mrs. Martin", "Dr. Lefèvre", "Harry J. Kazianis"];
const PLACES = ["Paris", "Lyon", "Marseille", "Hanoi", "Brussels", "Quebec", "Berlin", "Toulouse", "Geneva", "Algiers"];
const ORGS = ["the European Commission", "the National Assembly", "the Ministry of the Interior", "the United Nations", "the SNCF", "the Constitutional Council", "the CGT union", "Air France"];
const TOPICS = ["pension reform", "the housing crisis", "public transport", "the energy transition", "unemployment insurance", "the hospital budget", "immigration policy", "the wine harvest"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October", "November"];

/** Correct sentences, as a careful translator would write them. */
const CLEAN = [
  "{person} said on Tuesday that {topic} would remain a priority for the government.",
  "According to {org}, more than {n} people took part in the demonstration in {place}.",
  "The talks in {place} ended late in the evening without an agreement on {topic}.",
  "In {month}, {org} published a report that criticised the handling of {topic}.",
  "Several mayors have asked for more money to deal with {topic} before the winter.",
  "“We will not give in,” {person} told reporters outside the town hall in {place}.",
  "The figures, released on Friday, show a rise of {n} per cent over the past year.",
  "Critics say the plan does little for families who already struggle to pay their rent.",
  "The opposition accused {person} of ignoring the concerns of rural voters.",
  "Traffic was disrupted across {place} as workers walked out for the third time this month.",
  "Experts from {org} warned that the cost of {topic} could double within ten years.",
  "Residents of {place} were asked to stay indoors while firefighters fought the blaze.",
  "The minister is expected to present the bill to parliament in {month}.",
  "Negotiations between the unions and {org} are due to resume next week.",
  "Prices vary depending on the season, the region and the size of the household.",
  "A spokesman for {org} declined to comment on the reports.",
];

/** Sentences with a literal translation from French (false friends, calques, typography). */
const LITERAL = [
  "Leaders will meet again at a second vertex in {place} in {month}.",
  "Five people were injured, depending on the police, during the clashes in {place}.",
  "{person} actually leads the negotiations on {topic}, which should end in {month}.",
  "The deputies of the majority voted the law on {topic} in first reading.",
  "The growth reached 3,5 % in the first trimester, a record since {n} years.",
  "{person} has realised an important reform of {topic} during his mandate.",
  "The manifestation gathered {n} persons in the streets of {place} this Saturday.",
  "At the level of {topic}, the government wishes to put in place new measures.",
  "It is question of a project which aims to reinforce the security of the citizens.",
  "The French President {person} evoked the possibility of a referendum on {topic}.",
];

function fill(template: string, rnd: () => number): string {
  const pick = (list: string[]): string => list[Math.floor(rnd() * list.length)];
  const text = template
    .replace("{person}", pick(PEOPLE))
    .replace("{place}", pick(PLACES))
    .replace("{org}", pick(ORGS))
    .replace("{topic}", pick(TOPICS))
    .replace("{month}", pick(MONTHS))
    .replace("{n}", String(2 + Math.floor(rnd() * 4000)));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One article of roughly `bytes` bytes: a headline, then paragraphs separated by blank lines. */
export function article(rnd: () => number, bytes: number): string {
  const parts = [fill(CLEAN[Math.floor(rnd() * CLEAN.length)], rnd).replace(/\.$/, "")];
  let size = parts[0].length;
  while (size < bytes) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(rnd() * 4);
    for (let i = 0; i < count; i++) {
      const source = rnd() < 1 / 6 ? LITERAL : CLEAN;
      sentences.push(fill(source[Math.floor(rnd() * source.length)], rnd));
    }
    const paragraph = sentences.join(" ");
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return parts.join("\n\n") + "\n";
}

/** `count` articles of about `bytes` bytes each, the same for the same seed. */
export function articles(count: number, bytes: number, seed = 6): string[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, () => article(rnd, bytes));
}

/** Words that occur in the templates above, for phrase rules that share prefixes with the text. */
export const TEXT_WORDS = [
  "the", "of", "in", "on", "a", "to", "for", "and", "with", "by", "at", "government", "reform", "minister", "police",
  "people", "report", "plan", "talks", "agreement", "workers", "union", "unions", "mayors", "season", "region", "cost",
  "winter", "week", "year", "month", "street", "streets", "level", "project", "security", "citizens", "law", "growth",
];

/** Phrases that do occur in the generated text: the same few hits whatever the rule count. */
export const HIT_PHRASES = ["declined to comment", "rural voters"];
