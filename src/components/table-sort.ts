/**
 * Sortable columns for tables marked `data-sortable`: each column header gets a button; a click
 * (or Enter / Space) sorts the rows ascending, then descending, and `aria-sort` on the header
 * says which. Numeric cells sort by the value the page put in `data-value`, text by the page
 * language's collation; empty cells stay last either way. Without JavaScript the table is
 * simply in the source's order.
 */
const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: 'base' });

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  headers.forEach((header, column) => {
    const numeric = header.classList.contains('num');
    const key = (row: HTMLTableRowElement) => {
      const cell = row.cells[column];
      return (numeric ? cell?.dataset.value : cell?.textContent?.trim()) || undefined;
    };
    const button = document.createElement('button');
    button.type = 'button';
    button.append(...header.childNodes);
    header.append(button);
    button.addEventListener('click', () => {
      const direction = header.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      for (const other of headers) other.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', direction > 0 ? 'ascending' : 'descending');
      const body = table.tBodies[0]!;
      const rows = [...body.rows].sort((a, b) => {
        const x = key(a);
        const y = key(b);
        if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0);
        return direction * (numeric ? Number(x) - Number(y) : collator.compare(x, y));
      });
      body.append(...rows);
    });
  });
}
