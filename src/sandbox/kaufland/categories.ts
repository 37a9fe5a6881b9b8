import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';

export type CategoryView = components['schemas']['Category'];

interface SandboxCategory {
  id: number;
  name: string;
  plural: string;
  /** Lower-case words in a title or description that point to this category. */
  words: readonly string[];
}

/**
 * The sandbox's small category tree: one root and a few leaves, enough for `/categories/decide` to have a
 * choice to make. 34401 is the category the sandbox has always given products it knows without product data.
 */
const ROOT = 1;
export const SANDBOX_CATEGORY = 34401;
const LEAVES: readonly SandboxCategory[] = [
  { id: SANDBOX_CATEGORY, name: 'Haushalt', plural: 'Haushaltswaren', words: ['haushalt', 'household'] },
  { id: 17711, name: 'Kratzbaum', plural: 'Kratzbäume', words: ['kratzbaum', 'katze', 'cat', 'scratch'] },
  { id: 15001, name: 'T-Shirt', plural: 'T-Shirts', words: ['shirt', 'tee', 'cotton', 'baumwolle'] },
  { id: 22001, name: 'Tasse', plural: 'Tassen', words: ['tasse', 'becher', 'mug', 'cup'] },
  { id: 31001, name: 'Kopfhörer', plural: 'Kopfhörer', words: ['kopfhörer', 'headphone', 'earbud', 'audio'] },
];

export function categoryView(category: SandboxCategory): CategoryView {
  return {
    id_category: category.id,
    id_parent_category: ROOT,
    name: category.name,
    title_singular: category.name,
    title_plural: category.plural,
    level: 1,
    url: category.plural.toLowerCase().replace(/[^a-zäöüß0-9]+/g, '-'),
    is_leaf: true,
    shipping_category: 'D',
    variable_fee: 10.5,
    fixed_fee: 0,
    vat: 19,
  };
}

/** Every leaf, best match first: the ones whose words appear in the text, by how many, then the rest. */
export function decideCategories(text: string): CategoryView[] {
  const lower = text.toLowerCase();
  const scored = LEAVES.map((leaf, index) => ({
    leaf,
    index,
    score: leaf.words.filter((word) => lower.includes(word)).length,
  }));
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map(({ leaf }) => categoryView(leaf));
}

/** A leaf by id (as digits) or by its singular or plural name, as product data may name it either way. */
export function findCategory(value: string): SandboxCategory | undefined {
  const wanted = value.trim().toLowerCase();
  return LEAVES.find(
    (leaf) =>
      String(leaf.id) === wanted ||
      leaf.name.toLowerCase() === wanted ||
      leaf.plural.toLowerCase() === wanted,
  );
}
