export interface Page<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  continuationToken?: string;
}
