/**
 * Forced colours (Windows High Contrast) in browser tests, through the `emulate-forced-colors`
 * command of web-test-runner.config.mjs.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** Turns forced colours on or off (and sets the colour scheme with it). */
export async function emulateForcedColors(active: boolean, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  await executeServerCommand('emulate-forced-colors', { active, colorScheme });
}
