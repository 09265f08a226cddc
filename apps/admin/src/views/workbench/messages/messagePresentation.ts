import type { Message, MessageReceipt } from '../../../api/types';

/** Who a message went to, by name: the people named, then the departments (whose members all got it). */
export function recipientNames(message: Pick<Message, 'toUsers' | 'toDepartments'>): string[] {
  return [...message.toUsers.map((user) => user.name), ...message.toDepartments.map((department) => department.name)];
}

/** A system notification (sender null) cannot be replied to; it may carry a link to what it is about. */
export function isSystemMessage(message: Pick<Message, 'sender'>): boolean {
  return message.sender === null;
}

/** A message's link, when it is a path inside the panel; anything else is not followed. */
export function messageTarget(message: Pick<Message, 'link'>): string | null {
  const link = message.link;
  return typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** The receipts counted: how many have read, out of how many received it. */
export function receiptTally(receipts: readonly Pick<MessageReceipt, 'readAt'>[]): { read: number; total: number } {
  return { read: receipts.filter((receipt) => receipt.readAt !== null).length, total: receipts.length };
}
