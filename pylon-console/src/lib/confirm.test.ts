import { afterEach, describe, expect, it, vi } from 'vitest';
import { ElMessageBox } from 'element-plus';
import { confirmed } from './confirm';

describe('confirmed', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is true when the user confirms, with the delete button and a cancel button by default', async () => {
    const box = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    expect(await confirmed('Delete it?', 'Bay 1')).toBe(true);
    const [text, title, options] = box.mock.calls[0] as [string, string, Record<string, unknown>];
    expect(text).toBe('Delete it?');
    expect(title).toBe('Bay 1');
    expect(options.type).toBe('warning');
    expect(options.confirmButtonText).toBeTruthy();
    expect(options.cancelButtonText).toBeTruthy();
  });

  it('is false when the user cancels or closes the box', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel');
    expect(await confirmed('Delete it?')).toBe(false);
  });

  it('names the confirm button as asked', async () => {
    const box = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    await confirmed('Renew the key?', 'cam-1', 'Renew key');
    expect((box.mock.calls[0][2] as Record<string, unknown>).confirmButtonText).toBe('Renew key');
  });
});
