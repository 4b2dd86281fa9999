import { ElMessageBox } from 'element-plus';
import { i18n } from '../i18n';

/** Asks before a destructive action (a warning box with Cancel); true when the user confirmed. */
export async function confirmed(text: string, title = '', button: string = i18n.global.t('common.delete')): Promise<boolean> {
  try {
    await ElMessageBox.confirm(text, title, { type: 'warning', confirmButtonText: button, cancelButtonText: i18n.global.t('common.cancel') });
    return true;
  } catch {
    return false;
  }
}
