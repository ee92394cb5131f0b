// PLACEHOLDER (replaced by the promote/publish implementation).
export async function runPromoteAction(): Promise<void> {
  throw new Error('promote is not implemented yet');
}
export async function runPublishAction(): Promise<void> {
  throw new Error('publish is not implemented yet');
}
