// PLACEHOLDER (replaced by the notify implementation).
export async function runNotifyAction(): Promise<void> {
  throw new Error('notify is not implemented yet');
}
