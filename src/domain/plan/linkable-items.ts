// The items a focus point can be linked to: those with a headline figure that a later round
// can be compared on (report mark, agreement, yes/no), in the modules the round asked,
// grouped by module in questionnaire order.

import type { Item, LocalizedText, Questionnaire } from '../questionnaire/questionnaire.ts';

export interface LinkableModule {
  readonly key: string;
  readonly title: LocalizedText;
  readonly items: readonly Item[];
}

export function hasHeadlineFigure(item: Item): boolean {
  return item.type === 'mark' || item.type === 'agree5' || item.type === 'yesno';
}

export function linkableItems(questionnaire: Questionnaire, disabledModules: readonly string[]): LinkableModule[] {
  const modules: { key: string; title: LocalizedText; items: Item[] }[] = [];
  for (const block of questionnaire.blocks) {
    if (disabledModules.includes(block.module)) continue;
    const items = block.items.filter(hasHeadlineFigure);
    if (items.length === 0) continue;
    let module = modules.find((m) => m.key === block.module);
    if (!module) {
      module = { key: block.module, title: questionnaire.modules.find((m) => m.key === block.module)?.title ?? block.title, items: [] };
      modules.push(module);
    }
    module.items.push(...items);
  }
  const order = (key: string) => {
    const index = questionnaire.modules.findIndex((m) => m.key === key);
    return index < 0 ? questionnaire.modules.length : index;
  };
  return modules.sort((a, b) => order(a.key) - order(b.key));
}
