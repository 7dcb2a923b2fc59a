// fontkit ships no types; this is the one call the project makes.
declare module 'fontkit' {
  export function create(buffer: Uint8Array): unknown;
}
