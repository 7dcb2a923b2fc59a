/**
 * The address parameter that carries the searched words to the page a result opens
 * (`/assessments/x/?highlight=sanctions#section`). Its own module: the check on every document
 * page imports only this.
 */
export const HIGHLIGHT_PARAM = 'highlight';
