// Parses Adaptive Card JSON files with the adaptivecards package and prints every parse and validation event.
// Usage: node check-cards.js FILE...  A file holds a card, an activity, or an array of activities.
// Output: one JSON object {"checked": N, "problems": ["file#card: message", ...]}; exit code 1 when there are problems.
'use strict';
const fs = require('fs');
const path = require('path');
const AC = require('adaptivecards/dist/adaptivecards.js');

function cardsOf(json) {
  if (Array.isArray(json)) return json.flatMap(cardsOf);
  if (json && json.type === 'AdaptiveCard') return [json];
  if (json && Array.isArray(json.attachments)) {
    return json.attachments
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content);
  }
  return [];
}

const problems = [];
let checked = 0;
for (const file of process.argv.slice(2)) {
  const name = path.basename(file);
  const cards = cardsOf(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (cards.length === 0) problems.push(`${name}: no Adaptive Card found`);
  cards.forEach((json, index) => {
    checked++;
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) {
      problems.push(`${name}#${index}: parse: ${context.getEventAt(i).message}`);
    }
    for (const event of card.validateProperties().validationEvents) {
      problems.push(`${name}#${index}: validate: ${event.message}`);
    }
  });
}
process.stdout.write(JSON.stringify({ checked, problems }) + '\n');
process.exit(problems.length > 0 ? 1 : 0);
