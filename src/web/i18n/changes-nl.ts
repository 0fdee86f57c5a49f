// The significant changes at the top of the round report.
export const changesNl = {
  'changes.title': 'Wat is veranderd sinds {previous}',
  'changes.none': 'Geen enkele uitkomst is significant anders dan in {previous}. Verschillen in de tabellen hieronder kunnen toeval zijn.',
  'changes.higher': 'significant hoger',
  'changes.lower': 'significant lager',
  'changes.more': 'Alleen verschillen die na de correctie voor het aantal toetsen significant zijn; de zekerste eerst. Alle vergelijkingen staan in de tabellen hieronder.',
} as const;
