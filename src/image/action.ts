// PLACEHOLDER (replaced by the bake implementation).
export async function runBakeAction(): Promise<void> {
  throw new Error('bake is not implemented yet');
}
