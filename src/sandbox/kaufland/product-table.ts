import type { ProductRecord } from './records.ts';

/**
 * The catalogue products, with an EAN index: every POST /units with an `ean` resolves it, and a scan of all products
 * there made a 100,000-SKU first listing quadratic (each new SKU brings a new EAN, hence a new product).
 */
export class ProductTable {
  private readonly byId = new Map<number, ProductRecord>();
  /** EAN → the first product added with it: what the scan in insertion order found. */
  private readonly byEan = new Map<string, ProductRecord>();

  get size(): number {
    return this.byId.size;
  }

  get(idProduct: number): ProductRecord | undefined {
    return this.byId.get(idProduct);
  }

  byEanCode(ean: string): ProductRecord | undefined {
    return this.byEan.get(ean);
  }

  values(): IterableIterator<ProductRecord> {
    return this.byId.values();
  }

  /** Product ids come from the store's counter, so each is added once; its EANs never change after. */
  add(product: ProductRecord): void {
    this.byId.set(product.id_product, product);
    for (const ean of product.eans) if (!this.byEan.has(ean)) this.byEan.set(ean, product);
  }

  clear(): void {
    this.byId.clear();
    this.byEan.clear();
  }
}
